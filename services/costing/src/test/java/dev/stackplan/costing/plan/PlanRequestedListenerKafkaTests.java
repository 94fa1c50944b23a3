package dev.stackplan.costing.plan;

import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.testsupport.PlanRequestedConsumerContract;

import org.springframework.boot.test.context.SpringBootTest;

/** The costing service keeps the plan.requested consumer contract on a real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "stackplan.topics.partitions=3" })
class PlanRequestedListenerKafkaTests extends PlanRequestedConsumerContract {

	PlanRequestedListenerKafkaTests() {
		super(PlanEvent.COST_ESTIMATED, "costing", "/byOption");
	}

}
