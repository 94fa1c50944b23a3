package dev.stackplan.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web page in a real browser (Debian's headless Chromium driven by Selenium) against
 * the real platform: what a founder and an analyst see and do, each page checked with
 * axe-core for serious and critical accessibility violations. Screenshots of every test
 * land in {@code target/browser-screenshots}. Runs where {@code chromedriver} is on the
 * PATH ({@code deploy/local/browser/install.sh} installs it and axe-core).
 */
@EnabledIf("chromeDriverInstalled")
class WebPageBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private static final Duration PATIENCE = Duration.ofSeconds(40);

	private static final List<String> ARTICLE = articleLines();

	private static WebDriver browser;

	private final WebTestClient demo = SharedPlatform.gateway(SharedPlatform.DEMO_KEY);

	private String testName;

	static boolean chromeDriverInstalled() {
		return executable("chromedriver") != null;
	}

	@BeforeAll
	static void startBrowser() {
		ChromeOptions options = new ChromeOptions();
		Path chromium = executable("chromium");
		if (chromium != null) {
			options.setBinary(chromium.toFile());
		}
		// root in CI: no sandbox; a small /dev/shm in containers
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
				"--lang=en-US");
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				SCREENSHOTS.resolve("downloads").toAbsolutePath().toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(executable("chromedriver").toFile())
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void freshTab(TestInfo test) {
		this.testName = test.getTestMethod().orElseThrow().getName();
		((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		browser.manage().window().setSize(new Dimension(1280, 900));
		open("/");
		((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
	}

	@Test
	void aFounderFillsTheFormAndReadsThePlanWithItsChartsAndQuotedSources() {
		String name = "Browser Acme " + UUID.randomUUID().toString().substring(0, 8);
		open("/");
		useKey(SharedPlatform.DEMO_KEY);
		fillPlanForm(name, "SAAS", List.of("AUTH", "BILLING", "ADMIN_PANEL"), "10", "1", "0", "12", "60000");
		accessible("plan form");
		browser.findElement(By.cssSelector(".plan-form button[type=submit]")).click();

		WebElement plan = waitFor("article.plan[data-status='COMPLETE']");
		UUID planId = UUID.fromString(plan.getAttribute("data-plan-id"));
		JsonNode served = SharedPlatform.plan(this.demo, planId);
		assertThat(browser.getCurrentUrl()).endsWith("#/plans/" + planId);
		assertThat(plan.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		assertThat(browser.switchTo().activeElement().getText()).as("focus moves to the plan's heading")
			.isEqualTo(name);
		String recommendation = served.at("/stack/recommendation").asString();
		assertThat(plan.findElement(By.cssSelector(".verdict .option-name")).getAttribute("class"))
			.contains("option-" + recommendation);
		// the plan in five lines, then what would change it, as the API serves them
		assertThat(plan.findElements(By.cssSelector(".summary-lines > li"))).extracting(WebElement::getText)
			.containsExactly(served.at("/summary/pick").asString(), served.at("/summary/why").asString(),
					served.at("/summary/costRange").asString(), served.at("/summary/biggestRisk").asString(),
					served.at("/summary/nextStep").asString());
		assertThat(plan.findElements(By.cssSelector(".what-would-change li > p"))).extracting(WebElement::getText)
			.containsExactlyElementsOf(served.path("whatWouldChangeThis")
				.valueStream()
				.map((change) -> change.path("text").asString())
				.toList());
		// the factor chart has a row per factor, each with a bar per option
		int factors = served.at("/stack/options/0/factors").size();
		assertThat(plan.findElements(By.cssSelector(".factor-chart .factor-row"))).hasSize(factors);
		assertThat(plan.findElements(By.cssSelector(".factor-chart .factor-row svg rect"))).hasSize(factors * 3);
		// the cost chart: per option, on-demand and full time with its range
		assertThat(plan.findElements(By.cssSelector(".cost-chart .cost-row"))).hasSize(3);
		assertThat(plan.findElements(By.cssSelector(".cost-chart rect.range"))).hasSize(3);
		assertThat(plan.findElement(By.cssSelector(".cost-chart")).getText())
			.contains(money(served.at("/staffing/onDemand/totalUsd").decimalValue().doubleValue()));
		// a rationale's source opens to the article line it cites
		int quoted = firstArticleCitation(served.at("/stack/rationale"));
		WebElement citation = plan.findElements(By.cssSelector(".rationale > li")).get(quoted);
		citation.findElement(By.cssSelector("details.source summary")).click();
		assertThat(citation.findElement(By.tagName("blockquote")).getText())
			.contains(ARTICLE.get(articleLine(served.at("/stack/rationale/" + quoted + "/source").asString()) - 1));
		// staffing and labelled assumptions, knowledge version
		assertThat(plan.findElements(By.cssSelector("table.staffing tbody tr")))
			.hasSize(served.at("/staffing/roles").size());
		assertThat(plan.findElements(By.cssSelector(".assumptions .label"))).isNotEmpty()
			.allSatisfy((label) -> assertThat(label.getText()).isIn("ASSUMPTION", "REFERENCE"));
		assertThat(plan.findElement(By.cssSelector(".knowledge-version")).getText())
			.contains(served.path("knowledgeVersion").asString());
		screenshot("plan-view");
		screenshot("plan-view-top", 1900);
		accessible("plan view");

		fitsAPhone("plan view");
		screenshot("plan-view-375px");
	}

	@Test
	void aFieldTheApiRefusesShowsTheApisOwnMessageBesideIt() {
		open("/");
		useKey(SharedPlatform.DEMO_KEY);
		fillPlanForm("Too many seniors", "SAAS", List.of(), "10", "1", "3", "12", "");
		// by keyboard: Enter in a field sends the form
		browser.findElement(By.name("timelineWeeks")).sendKeys(Keys.ENTER);

		WebElement seniors = waitFor(".field.invalid[data-field='team.seniorEngineers']");
		String expected = apiMessage(
				PlanRequestMother.request("Too many seniors", "SAAS", List.of(), 10, "NONE", 1, 3, 12, null),
				"team.seniorEngineers");
		assertThat(seniors.findElement(By.cssSelector(".field-error")).getText()).isEqualTo(expected);
		assertThat(seniors.findElement(By.tagName("input")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.switchTo().activeElement().getAttribute("name")).as("focus on the field to fix")
			.isEqualTo("team.seniorEngineers");
		assertThat(browser.findElements(By.cssSelector(".field.invalid"))).hasSize(1);
		assertThat(browser.getCurrentUrl()).doesNotContain("#/plans/");
		screenshot("field-error");
		accessible("plan form with an error");
		fitsAPhone("plan form");
	}

	@Test
	void theFirstTabReachesASkipLinkThatMovesFocusToTheContent() {
		open("/");
		waitFor(".plan-form");
		new Actions(browser).sendKeys(Keys.TAB).perform();
		WebElement skip = browser.switchTo().activeElement();
		assertThat(skip.getText()).isEqualTo("Skip to the content");
		skip.sendKeys(Keys.ENTER);
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
	}

	@Test
	void aDoubleSubmittedFormMakesOnePlan() {
		String name = "Double " + UUID.randomUUID().toString().substring(0, 8);
		open("/");
		useKey(SharedPlatform.DEMO_KEY);
		fillPlanForm(name, "CMS", List.of("CMS"), "5", "2", "1", "8", "");
		// two submissions before the first is answered, as a double click on a slow line
		script("const form = document.querySelector('.plan-form'); form.requestSubmit(); form.requestSubmit();");
		// both answers are in by the time the plan is complete: each was filed before it
		// was answered
		waitFor("article.plan[data-status='COMPLETE']");

		assertThat(plansNamed(name)).hasSize(1);
	}

	@Test
	void aPermalinkReopensThePlanAndRefusalsReadAsMessages() {
		UUID planId = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());
		await().atMost(PATIENCE)
			.until(() -> "COMPLETE".equals(SharedPlatform.plan(this.demo, planId).path("status").asString()));

		open("/#/plans/" + planId);
		assertThat(waitFor(".problem h2").getText()).isEqualTo("Enter your API key first");
		useKey(SharedPlatform.DEMO_KEY);
		WebElement plan = waitFor("article.plan[data-status='COMPLETE']");
		assertThat(plan.getAttribute("data-plan-id")).isEqualTo(planId.toString());
		assertThat(plan.findElement(By.cssSelector("a.permalink-link")).getAttribute("href"))
			.endsWith("#/plans/" + planId);

		useKey(SharedPlatform.OTHER_KEY);
		open("/#/plans/" + planId);
		WebElement notFound = waitFor(".problem[data-status='404']");
		assertThat(notFound.getText()).contains("Not found").contains(planId.toString());

		useKey("not-a-key");
		open("/#/plans/" + planId);
		assertThat(waitFor(".problem[data-status='401'] h2").getText())
			.isEqualTo("Your API key is missing or not valid");
		screenshot("unauthorized");
		accessible("a refused plan");

		useKey(SharedPlatform.DEMO_KEY);
		open("/#/scenarios");
		assertThat(waitFor(".problem[data-status='403'] h2").getText()).isEqualTo("This key may not do that");

		// a key allowed 1 request a second in bursts of 2: its bucket emptied by three
		// calls at once, the page's own next call is refused
		useKey(SharedPlatform.LIMITED_KEY);
		open("/#/plans");
		waitFor("main h1");
		((JavascriptExecutor) browser).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						const calls = [1, 2, 3].map(() => fetch('/api/v1/plans?limit=1', { headers: { Authorization: 'Bearer %s' } }));
						Promise.all(calls).then(() => { location.hash = '#/plans?status=COMPLETE'; done(); });
						"""
					.formatted(SharedPlatform.LIMITED_KEY));
		waitFor(".problem[data-status='429']");
		assertThat(browser.findElement(By.cssSelector(".problem[data-status='429']")).getText())
			.contains("Too many requests for this key")
			.containsPattern("Try again in \\d+ s");
	}

	@Test
	void thePlansListPagesThroughTheCallersPlans() {
		List<UUID> made = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			made.add(SharedPlatform.accept(this.demo, PlanRequestMother.varied("Product", 11).get(i)));
		}
		open("/#/plans");
		useKey(SharedPlatform.DEMO_KEY);
		await().atMost(PATIENCE).until(() -> planLinks().size() == 10);
		List<String> first = planLinks();
		assertThat(first).hasSize(10).startsWith(made.get(10).toString());
		browser.findElement(By.cssSelector(".pager a[rel=next]")).click();
		await().atMost(PATIENCE).until(() -> !planLinks().isEmpty() && !planLinks().equals(first));
		List<String> second = planLinks();
		assertThat(second).doesNotContainAnyElementsOf(first).startsWith(made.get(0).toString());
		accessible("plans list");
		browser.findElement(By.cssSelector(".pager a[rel=prev]")).click();
		await().atMost(PATIENCE).until(() -> planLinks().equals(first));
	}

	@Test
	void aWhatIfShowsBothPlansSideBySideWithTheChangeMarked() {
		UUID planId = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());
		await().atMost(PATIENCE)
			.until(() -> "COMPLETE".equals(SharedPlatform.plan(this.demo, planId).path("status").asString()));
		open("/#/plans/" + planId + "/what-if");
		useKey(SharedPlatform.DEMO_KEY);
		waitFor(".presets button");
		browser.findElements(By.cssSelector(".presets button"))
			.stream()
			.filter((button) -> button.getText().equals("Four more weeks"))
			.findFirst()
			.orElseThrow()
			.click();
		assertThat(browser.findElement(By.name("timelineWeeks")).getAttribute("value")).isEqualTo("16");
		browser.findElement(By.cssSelector(".plan-form button[type=submit]")).click();

		WebElement comparison = waitFor(".comparison");
		List<String> changed = comparison.findElements(By.cssSelector("tr.changed th"))
			.stream()
			.map((heading) -> heading.getText().replaceAll("\\s+", " "))
			.toList();
		assertThat(changed).contains("Timeline (changed)").doesNotContain("Kind (changed)", "Engineers (changed)");
		assertThat(comparison.findElement(By.cssSelector("tr.changed mark")).getText()).isEqualTo("16 weeks");
		screenshot("what-if");
		accessible("what-if");
	}

	@Test
	void anAnalystRunsAScenarioAndReadsItsReport() {
		List<UUID> planIds = new ArrayList<>();
		for (Map<String, Object> request : PlanRequestMother.varied("Product", 4)) {
			planIds.add(SharedPlatform.accept(this.demo, request));
		}
		await().atMost(PATIENCE)
			.until(() -> planIds.stream()
				.allMatch((id) -> "COMPLETE".equals(SharedPlatform.plan(this.demo, id).path("status").asString())));

		open("/#/scenarios");
		useKey(SharedPlatform.ANALYST_KEY);
		WebElement form = waitFor(".scenario-form");
		form.findElement(By.cssSelector("input[type=radio][value=ids]")).click();
		WebElement ids = form.findElement(By.name("source.planIds"));
		ids.sendKeys(String.join("\n", planIds.stream().map(UUID::toString).toList()));
		WebElement name = form.findElement(By.name("name"));
		name.clear();
		name.sendKeys("senior +20%; Django loses its best-fit and hiring edge");
		// the first change, senior rates +20%, is the form's example; three more that
		// flip some recommendations
		addOverride(form, "frameworks/factors/BEST_FIT/scores/DJANGO", "0");
		addOverride(form, "frameworks/factors/BEST_FIT/scores/FASTAPI", "100");
		addOverride(form, "frameworks/factors/HIRING_POOL/scores/DJANGO", "0");
		accessible("scenario builder");
		form.findElement(By.cssSelector("button[name=dry]")).click();
		assertThat(waitFor(".dry-run .count").getText()).startsWith(planIds.size() + " past requests");

		form.findElement(By.cssSelector("button[name=start]")).click();
		WebElement report = new WebDriverWait(browser, Duration.ofSeconds(120))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".report")));
		String scenarioId = browser.getCurrentUrl().replaceAll(".*#/scenarios/", "");
		JsonNode served = SharedPlatform.read(SharedPlatform.gateway(SharedPlatform.ANALYST_KEY),
				"/api/v1/scenarios/" + scenarioId + "/report");
		assertThat(browser.findElement(By.cssSelector("progress")).getAttribute("value")).isEqualTo("100");
		assertThat(report.findElements(By.cssSelector(".report-table tbody tr"))).hasSize(served.path("plans").size())
			.hasSize(planIds.size());
		assertThat(report.findElement(By.cssSelector(".flipped-count")).getText())
			.startsWith(served.at("/aggregates/flipped").asString());
		assertThat(report.findElements(By.cssSelector(".delta-chart li"))).hasSize(planIds.size());

		WebElement kindHeader = report.findElements(By.cssSelector(".report-table thead th")).get(1);
		kindHeader.findElement(By.tagName("button")).click();
		assertThat(kindHeader.getAttribute("aria-sort")).isEqualTo("ascending");
		List<String> kinds = report.findElements(By.cssSelector(".report-table tbody tr td:nth-of-type(1)"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(kinds).isSorted();

		report.findElements(By.cssSelector("button"))
			.stream()
			.filter((button) -> button.getText().contains("CSV"))
			.findFirst()
			.orElseThrow()
			.click();
		Path csv = SCREENSHOTS.resolve("downloads").resolve("scenario-" + scenarioId + ".csv");
		await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(csv));
		assertThat(lines(csv)).hasSize(planIds.size() + 1).first().asString().startsWith("planId,");
		screenshot("scenario-report");
		accessible("scenario report");
		fitsAPhone("scenario report");
		screenshot("scenario-report-375px");
	}

	// ---- the page

	private static void open(String path) {
		// through a blank page, so a change of the hash alone is a fresh load too; the
		// tab's session storage (the key) stays
		browser.get("about:blank");
		browser.get(SharedPlatform.services().gatewayUrl() + path);
	}

	private static void useKey(String key) {
		WebElement input = browser.findElement(By.id("api-key"));
		input.clear();
		input.sendKeys(key);
		browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
	}

	private static void fillPlanForm(String name, String kind, List<String> features, String rps, String engineers,
			String seniors, String weeks, String budget) {
		waitFor(".plan-form");
		type("product.name", name);
		new Select(browser.findElement(By.name("product.kind"))).selectByValue(kind);
		for (String feature : features) {
			browser.findElement(By.cssSelector("input[name='product.features'][value='" + feature + "']")).click();
		}
		type("product.expectedRps", rps);
		type("team.engineers", engineers);
		type("team.seniorEngineers", seniors);
		type("timelineWeeks", weeks);
		type("budgetUsd", budget);
	}

	private static void addOverride(WebElement form, String path, String value) {
		form.findElements(By.tagName("button"))
			.stream()
			.filter((button) -> button.getText().equals("Add a change"))
			.findFirst()
			.orElseThrow()
			.click();
		List<WebElement> rows = form.findElements(By.cssSelector(".override-row"));
		WebElement row = rows.get(rows.size() - 1);
		row.findElement(By.name("override-path")).sendKeys(path);
		row.findElement(By.name("override-value")).sendKeys(value);
	}

	private static void type(String field, String value) {
		WebElement input = browser.findElement(By.name(field));
		input.clear();
		input.sendKeys(value);
	}

	private static WebElement waitFor(String css) {
		return new WebDriverWait(browser, PATIENCE)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	private static List<String> planLinks() {
		return browser.findElements(By.cssSelector("table.plans tbody th a"))
			.stream()
			.map((link) -> link.getAttribute("href").replaceAll(".*#/plans/", ""))
			.toList();
	}

	/**
	 * Nothing sticks out of a 375 px wide viewport (a wide table may scroll inside its
	 * own region). The viewport is emulated: a window cannot be made that narrow
	 * everywhere.
	 */
	private static void fitsAPhone(String page) {
		((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", false));
		assertThat((Long) script("return window.innerWidth")).isEqualTo(375L);
		assertThat((List<?>) script(
				"""
						return [...document.querySelectorAll('body *')]
						  .filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
						  .map((e) => e.tagName + '.' + e.getAttribute('class') + ' ' + Math.round(e.getBoundingClientRect().right));
						"""))
			.as("elements of the %s wider than a 375 px screen", page)
			.isEmpty();
	}

	private static int firstArticleCitation(JsonNode sourced) {
		for (int i = 0; i < sourced.size(); i++) {
			if (sourced.get(i).path("source").asString().startsWith("article:")) {
				return i;
			}
		}
		throw new AssertionError("No rationale cites the article: " + sourced);
	}

	private static Object script(String code) {
		return ((JavascriptExecutor) browser).executeScript(code);
	}

	/** Fails on any serious or critical WCAG 2.1 A/AA violation axe-core finds now. */
	private static void accessible(String page) {
		script(axeScript());
		Object found = ((JavascriptExecutor) browser).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
						  .then((result) => done(result.violations
						    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
						    .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', '))))
						  .catch((error) => done(['axe failed: ' + error]));
						""");
		assertThat((List<?>) found).as("serious or critical accessibility violations on the %s", page).isEmpty();
	}

	private void screenshot(String name) {
		screenshot(name, 8000);
	}

	/** The page down to maxHeight pixels, so a README can show its top. */
	private void screenshot(String name, long maxHeight) {
		try {
			Files.createDirectories(SCREENSHOTS);
			// the whole page, not the window's part of it
			long width = (Long) script("return window.innerWidth");
			long height = Math.min((Long) script("return document.documentElement.scrollHeight"), maxHeight);
			((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
			byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
			Files.write(SCREENSHOTS.resolve(this.testName + "-" + name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- the API, to compare with what the page shows

	private String apiMessage(Map<String, Object> request, String field) {
		JsonNode problem = SharedPlatform.problem(this.demo.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange(), HttpStatus.BAD_REQUEST);
		for (JsonNode error : problem.path("errors")) {
			if (error.path("field").asString().equals(field)) {
				return error.path("message").asString();
			}
		}
		throw new AssertionError("The API named no error of " + field + ": " + problem);
	}

	private List<JsonNode> plansNamed(String name) {
		List<JsonNode> named = new ArrayList<>();
		JsonNode page = this.demo.get()
			.uri("/api/v1/plans?limit=100")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		page.path("items").forEach((item) -> {
			if (name.equals(item.path("productName").asString())) {
				named.add(item);
			}
		});
		return named;
	}

	// ---- helpers

	private static String money(double usd) {
		return NumberFormat.getCurrencyInstance(Locale.US).format(Math.round(usd)).replaceAll("\\.00$", "");
	}

	private static int articleLine(String source) {
		return Integer.parseInt(source.substring("article:".length()).split("-")[0]);
	}

	private static List<String> articleLines() {
		try (InputStream in = WebPageBrowserTests.class.getClassLoader()
			.getResourceAsStream("knowledge/sources/django-vs-fastapi-2026.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String axeScript() {
		String configured = System.getenv("STACKPLAN_AXE_SCRIPT");
		Path script = (configured != null && !configured.isBlank()) ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".cache", "stackplan-browser", "node_modules", "axe-core",
						"axe.min.js");
		assertThat(script).as("axe-core for the accessibility check: run deploy/local/browser/install.sh").exists();
		try {
			return Files.readString(script);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path executable(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
