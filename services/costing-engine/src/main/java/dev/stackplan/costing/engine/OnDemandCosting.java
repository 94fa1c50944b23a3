package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stackplan.contracts.event.LineItem;
import dev.stackplan.contracts.event.OnDemandCost;
import dev.stackplan.costing.engine.CostDocument.Calendar;
import dev.stackplan.costing.engine.CostDocument.Figure;
import dev.stackplan.costing.engine.CostDocument.OnDemandTerms;

/**
 * Prices bookings with the on-demand rate card: every booked engineer is billed per whole
 * week and gets the free trial credited once (assumption TRIAL_CREDIT).
 */
final class OnDemandCosting {

	private final OnDemandTerms terms;

	private final Calendar calendar;

	OnDemandCosting(OnDemandTerms terms, Calendar calendar) {
		this.terms = terms;
		this.calendar = calendar;
	}

	OnDemandCost cost(List<Booking> bookings, int planWeeks, Citations citations) {
		List<LineItem> lines = new ArrayList<>();
		Figure creditDays = this.terms.trialCreditDays();
		BigDecimal workingDays = this.calendar.workingDaysPerWeek().value();
		for (Booking booking : bookings) {
			Figure rate = this.terms.weeklyRates().get(booking.tier());
			lines
				.add(new LineItem(booking.roleId() + "_WEEKS",
						String.format(Locale.ROOT, "%s (%s): %d × %d weeks × %s a week", booking.roleId(),
								booking.tier(), booking.count(), booking.weeks(), Money.usd(rate.value())),
						weeks(booking), rate.source()));
			lines.add(new LineItem(booking.roleId() + "_TRIAL_CREDIT",
					String.format(Locale.ROOT, "%s-hour free trial credited as %s of %s working days: %d × %s × %s/%s",
							this.terms.trialFreeHours().value().toPlainString(), creditDays.value().toPlainString(),
							workingDays.toPlainString(), booking.count(), Money.usd(rate.value()),
							creditDays.value().toPlainString(), workingDays.toPlainString()),
					trialCredit(booking), creditDays.source()));
			citations.cite(rate.source());
		}
		citations.cite(CostDocument.VENDOR_IS_THE_ONLY_ON_DEMAND_SOURCE)
			.cite(creditDays.source())
			.cite(this.terms.trialFreeHours().source())
			.cite(this.calendar.workingDaysPerWeek().source())
			.cite(CostDocument.ROUNDING);
		BigDecimal total = Money.sum(lines, LineItem::amountUsd);
		BigDecimal weeklyBurn = Money.sum(bookings,
				(booking) -> this.terms.weeklyRates()
					.get(booking.tier())
					.value()
					.multiply(BigDecimal.valueOf(booking.count())));
		return new OnDemandCost(this.terms.provider(), total, weeklyBurn, lines,
				Money.cents(total, BigDecimal.valueOf(planWeeks)));
	}

	/**
	 * The total alone, without the words: the same line amounts {@link #cost} adds, for
	 * the compact estimate that travels on the log.
	 */
	BigDecimal total(List<Booking> bookings) {
		List<BigDecimal> amounts = new ArrayList<>(bookings.size() * 2);
		for (Booking booking : bookings) {
			amounts.add(weeks(booking));
			amounts.add(trialCredit(booking));
		}
		return Money.sum(amounts, (amount) -> amount);
	}

	private BigDecimal weeks(Booking booking) {
		BigDecimal rate = this.terms.weeklyRates().get(booking.tier()).value();
		return Money
			.cents(rate.multiply(BigDecimal.valueOf(booking.count())).multiply(BigDecimal.valueOf(booking.weeks())));
	}

	private BigDecimal trialCredit(Booking booking) {
		BigDecimal rate = this.terms.weeklyRates().get(booking.tier()).value();
		return Money
			.cents(rate.multiply(BigDecimal.valueOf(booking.count())).multiply(this.terms.trialCreditDays().value()),
					this.calendar.workingDaysPerWeek().value())
			.negate();
	}

}
