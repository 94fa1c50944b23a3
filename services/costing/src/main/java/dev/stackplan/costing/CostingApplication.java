package dev.stackplan.costing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Estimates the engineer cost of every stack option of every plan request. */
@SpringBootApplication
public class CostingApplication {

	public static void main(String[] args) {
		SpringApplication.run(CostingApplication.class, args);
	}

}
