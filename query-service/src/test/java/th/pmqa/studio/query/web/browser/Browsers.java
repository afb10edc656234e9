package th.pmqa.studio.query.web.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's Chromium and chromedriver ({@code infra/install-browser.sh} installs them), headless, in Thai. Given
 * explicitly, so Selenium Manager never tries to download a browser or a driver.
 */
final class Browsers {

    static final String CHROMIUM = System.getProperty("studio.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("studio.chromedriver", "/usr/bin/chromedriver");

    private Browsers() {
    }

    static ChromeDriver chromium() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--window-size=1280,900", "--lang=th-TH",
                             "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "th-TH,th"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
