package th.pmqa.studio.query.web.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** What people do on the app's screens, by the stable {@code data-testid} hooks; every wait has a timeout. */
public final class Screens {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private Screens() {
    }

    public static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    public static WebElement await(WebDriver browser, By what) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    public static WebElement await(WebDriver browser, String testId) {
        return await(browser, testId(testId));
    }

    public static void awaitPath(WebDriver browser, String path) {
        new WebDriverWait(browser, PATIENCE).until(driver -> path.equals(
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return location.pathname")));
    }

    /** Fills the development sign-in form and waits until the page has left it. */
    public static void signIn(WebDriver browser, String user, String name, String organization, String role) {
        type(await(browser, "signin-user"), user);
        type(await(browser, "signin-name"), name);
        type(await(browser, "signin-org"), organization == null ? "" : organization);
        new Select(await(browser, "signin-role")).selectByValue(role);
        await(browser, "signin-submit").click();
        new WebDriverWait(browser, PATIENCE).until(driver -> !driver.getCurrentUrl().contains("/app/sign-in"));
    }

    public static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /** Only when {@code -Dstudio.screenshots.dir=docs/screenshots} is given, so CI's runs leave the tree clean. */
    public static void screenshot(WebDriver browser, String name) {
        String dir = System.getProperty("studio.screenshots.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path target = Path.of(dir).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
