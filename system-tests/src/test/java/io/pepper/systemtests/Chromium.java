package io.pepper.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver through Selenium, with a fresh
 * profile; nothing is downloaded. Screenshots go to {@code target/screenshots/}, each
 * page at a desktop (1280 px) and a phone (390 px) width, full height.
 */
final class Chromium implements AutoCloseable {

	static final int DESKTOP = 1280;

	static final int PHONE = 390;

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Path profile;

	private final ChromeDriver driver;

	private final String baseUrl;

	Chromium(String baseUrl) throws IOException {
		this.baseUrl = baseUrl;
		this.profile = Files.createTempDirectory("pepper-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary("PEPPER_TEST_CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + this.profile, "--window-size=" + DESKTOP + ",900");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(binary("PEPPER_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	private static String binary(String variable, String fallback) {
		String value = System.getenv(variable);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	WebDriver driver() {
		return this.driver;
	}

	/** Opens a path of the app. */
	void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	String path() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	/** Signs in through the sign-in form. */
	void signIn(String email, String password) {
		open("/login");
		this.driver.findElement(By.id("email")).sendKeys(email);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("form button[type=submit]")).click();
		await(Duration.ofSeconds(30), (d) -> !path().equals("/login"));
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	java.util.List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	<T> T await(Duration timeout, Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, timeout, Duration.ofMillis(200)).until(condition);
	}

	/**
	 * Saves the page as {@code name-1280.png} and {@code name-390.png}: loaded again at
	 * each width, as a desktop or a phone would show it, the full height of the page.
	 * @param ready what must be on the page before the picture, e.g. a drawn chart
	 */
	void screenshots(String name, By ready) {
		try {
			Files.createDirectories(SCREENSHOTS);
			for (int width : new int[] { DESKTOP, PHONE }) {
				this.driver.manage().window().setSize(new Dimension(width, 900));
				this.driver.navigate().refresh();
				await(Duration.ofSeconds(30), (d) -> !d.findElements(ready).isEmpty());
				long height = ((Number) script(
						"return Math.max(document.body.scrollHeight," + " document.documentElement.scrollHeight)"))
					.longValue();
				this.driver.manage()
					.window()
					.setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 8000)));
				Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"),
						this.driver.getScreenshotAs(OutputType.BYTES));
			}
			this.driver.manage().window().setSize(new Dimension(DESKTOP, 900));
			this.driver.navigate().refresh();
			await(Duration.ofSeconds(30), (d) -> !d.findElements(ready).isEmpty());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
