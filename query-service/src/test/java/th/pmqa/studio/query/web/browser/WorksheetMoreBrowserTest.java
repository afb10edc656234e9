package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import th.pmqa.studio.infra.testing.ServerIndependent;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.web.browser.Screens.await;
import static th.pmqa.studio.query.web.browser.Screens.testId;
import static th.pmqa.studio.query.web.browser.Sheets.awaitState;
import static th.pmqa.studio.query.web.browser.Sheets.holdSaves;
import static th.pmqa.studio.query.web.browser.Sheets.js;
import static th.pmqa.studio.query.web.browser.Sheets.number;
import static th.pmqa.studio.query.web.browser.Sheets.releaseSaves;
import static th.pmqa.studio.query.web.browser.Sheets.typeAt;
import static th.pmqa.studio.query.web.browser.Sheets.until;
import static th.pmqa.studio.query.web.browser.Sheets.value;

/**
 * More of the worksheet in real browsers: "take theirs", editing after a merge, results, C-I-D rows and OP links
 * added through the page, a C-I-D row's conflict, a comment thread with "@" suggestions seen live by a colleague,
 * and a token that really expires. One stack (its development tokens checked without clock leeway, so a 10-second
 * token expires in 10 seconds) and two Chromium windows for the class; each scenario has an assessment of its own.
 */
@ServerIndependent
@Tag("browser")
class WorksheetMoreBrowserTest {

    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static BrowserStack stack;
    private static WebDriver first;
    private static WebDriver second;

    @BeforeAll
    static void start() {
        stack = BrowserStack.start("browser_more", "--studio.jwt.development-clock-skew=0s");
        first = stack.browser();
        second = stack.browser();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Sheets sheets() {
        return new Sheets(stack, "WM" + ORGANIZATIONS.incrementAndGet() + "X" + System.nanoTime() % 100000);
    }

    @Test
    void takeTheirsPutsTheirTextInTheFieldAndStoresNothingOfMineEvenAfterAReload() {
        Sheets sheet = sheets();
        sheet.written("basic/result", "ร้อยละความพึงพอใจ ๘๐", 0);
        sheet.open(first, "editor-" + sheet.code);
        until(first, d -> "ร้อยละความพึงพอใจ ๘๐".equals(value(d, "adr-basic-result")));

        holdSaves(first);
        typeAt(first, "adr-basic-result", "ร้อยละความพึงพอใจ ๘๐".length(), Keys.BACK_SPACE + "" + Keys.BACK_SPACE + "๘๕");
        until(first, d -> number(d, "window.__waiting") > 0);
        sheet.written("basic/result", "ร้อยละความพึงพอใจ ๙๐", 1);
        releaseSaves(first);

        await(first, "conflict-dialog").findElement(testId("conflict-take-theirs")).click();
        until(first, d -> "ร้อยละความพึงพอใจ ๙๐".equals(value(d, "adr-basic-result")));
        awaitState(first, "basic/result", "saved");
        assertThat(first.findElement(testId("conflict-dialog")).isDisplayed()).isFalse();
        assertThat(number(first, "window.__puts")).as("saves after taking theirs").isZero();
        assertThat(js(first, "return Object.keys(sessionStorage).filter(k => k.startsWith('pmqa.draft.')).length;"))
                .as("drafts left to save after a reload").isEqualTo(0L);

        // a reload would save a draft left behind; a save of another field shows the page has had time to send one
        first.navigate().refresh();
        until(first, d -> "ร้อยละความพึงพอใจ ๙๐".equals(value(d, "adr-basic-result")));
        typeAt(first, "adr-basic-deploy", 0, "ถ่ายทอดสู่ทุกอำเภอ");
        awaitState(first, "basic/deploy", "saved");
        JsonNode result = sheet.level(0).path("result");
        assertThat(result.path("text").asText()).isEqualTo("ร้อยละความพึงพอใจ ๙๐");
        assertThat(result.path("revision").asLong()).isEqualTo(2);
    }

    @Test
    void editingTheMergedTextAfterAMergeSavesItAsANewRevisionOnTopOfTheMerge() {
        Sheets sheet = sheets();
        String start = "บรรทัดหนึ่ง: ผู้บริหารประชุมทบทวนทุกไตรมาส\nบรรทัดสอง: ถ่ายทอดเป้าหมายสู่อำเภอ";
        sheet.written("basic/approach", start, 0);
        sheet.open(first, "editor-" + sheet.code);
        until(first, d -> start.equals(value(d, "adr-basic-approach")));

        holdSaves(first);
        typeAt(first, "adr-basic-approach", start.indexOf('\n'), " (ปรับปรุง)");
        until(first, d -> number(d, "window.__waiting") > 0);
        sheet.written("basic/approach", start.replace("สู่อำเภอ", "สู่ ๒๖ อำเภอ"), 1);
        releaseSaves(first);
        String merged = "บรรทัดหนึ่ง: ผู้บริหารประชุมทบทวนทุกไตรมาส (ปรับปรุง)\nบรรทัดสอง: ถ่ายทอดเป้าหมายสู่ ๒๖ อำเภอ";
        awaitState(first, "basic/approach", "merged");
        until(first, d -> merged.equals(value(d, "adr-basic-approach")));

        typeAt(first, "adr-basic-approach", merged.length(), " ครบทุกแห่ง");
        awaitState(first, "basic/approach", "saved"); // saved on the merge's revision: nothing left to merge
        JsonNode approach = sheet.level(0).path("approach");
        assertThat(approach.path("text").asText()).isEqualTo(merged + " ครบทุกแห่ง");
        assertThat(approach.path("revision").asLong()).isEqualTo(4);
    }

    @Test
    void aResultAndACidRowAddedThroughThePageAndAnOpLinkTickedAreStoredAndStillThereAfterAReload() {
        Sheets sheet = sheets();
        sheet.open(first, "editor-" + sheet.code);

        first.findElement(By.cssSelector("[data-testid='results-basic'] + details.add-result summary")).click();
        Screens.type(await(first, By.id("rn-basic")), "ร้อยละครัวเรือนที่เข้าถึงน้ำสะอาด");
        Screens.type(first.findElement(By.id("ru-basic")), "ร้อยละ");
        Screens.type(first.findElement(By.id("ry-basic-0")), "71.5");
        Screens.type(first.findElement(By.id("ry-basic-1")), "78");
        Screens.type(first.findElement(By.id("ry-basic-2")), "84.25");
        Screens.type(first.findElement(By.id("rt-basic")), "80");
        WebElement form = first.findElement(By.id("rn-basic")).findElement(By.xpath("ancestor::form"));
        form.findElement(By.cssSelector("button[type='submit']")).click(); // no indicator group: refused in the page
        until(first, d -> form.findElement(By.cssSelector(".field-error")).getText().contains("เลือกกลุ่มตัวชี้วัด"));
        assertThat(first.findElement(By.id("rg-basic")).getAttribute("aria-invalid")).isEqualTo("true");
        org.openqa.selenium.support.ui.Select group = new org.openqa.selenium.support.ui.Select(first.findElement(By.id("rg-basic")));
        group.selectByIndex(1);
        String groupId = group.getFirstSelectedOption().getAttribute("value");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        until(first, d -> d.findElement(testId("results-basic")).getText().contains("ร้อยละครัวเรือนที่เข้าถึงน้ำสะอาด")
                          || !form.findElement(By.cssSelector(".field-error")).getText().contains("เลือกกลุ่มตัวชี้วัด"));
        assertThat(form.findElement(By.cssSelector(".field-error")).getText()).as("the form's error").isEmpty();

        Screens.type(await(first, "cid-new-data"), "เครือข่ายอาสาสมัครสาธารณสุข");
        Screens.type(first.findElement(By.id("cid-output")), "ข้อมูลครัวเรือนรายเดือน");
        await(first, "cid-add").click();
        until(first, d -> !d.findElements(testId("cid-row")).isEmpty());

        WebElement op = first.findElements(By.cssSelector("[data-testid^='link-op-']")).get(0);
        int number = Integer.parseInt(op.getAttribute("data-testid").substring("link-op-".length()));
        js(first, "arguments[0].scrollIntoView({block: 'center'});", op); // not under the sticky status bar
        op.click();
        until(first, d -> sheet.criterion().path("profileItems").findValues("number").stream()
                                .anyMatch(n -> n.asInt() == number));

        first.navigate().refresh();
        until(first, d -> d.findElement(testId("results-basic")).getText().contains("ร้อยละครัวเรือนที่เข้าถึงน้ำสะอาด"));
        assertThat(first.findElement(testId("results-basic")).getText()).contains("2566: 84.25").contains("80");
        until(first, d -> "เครือข่ายอาสาสมัครสาธารณสุข".equals(
                d.findElement(By.cssSelector("[data-testid='cid-row'] textarea")).getDomProperty("value")));
        until(first, d -> d.findElement(testId("link-op-" + number)).isSelected());
        JsonNode result = sheet.level(0).path("results").get(0);
        assertThat(result.path("name").asText()).isEqualTo("ร้อยละครัวเรือนที่เข้าถึงน้ำสะอาด");
        assertThat(result.path("valuesByFiscalYear").path("2564").asDouble()).isEqualTo(71.5);
        assertThat(result.path("indicatorGroup").asText()).isEqualTo(groupId);
        assertThat(sheet.level(1).path("cid").get(0).path("output").asText()).isEqualTo("ข้อมูลครัวเรือนรายเดือน");
    }

    @Test
    void aCidRowSavedOnAStaleRevisionOpensTheConflictDialogAndKeepMineStoresMine() {
        Sheets sheet = sheets();
        String rowId = sheet.colleague().post().uri(sheet.criterionPath() + "/cid")
                .bodyValue(Map.of("kind", "C", "data", "ภาคเอกชน", "output", "แผนร่วม"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("rowId").asText();
        sheet.open(first, "editor-" + sheet.code);
        WebElement data = await(first, By.cssSelector("[data-testid='cid-row'] textarea[aria-label='ระบุข้อมูล']"));

        js(first, "arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[1]);", data,
           "ภาคเอกชน".length());
        new Actions(first).sendKeys(" และหอการค้า").perform();
        sheet.colleague().put().uri(sheet.criterionPath() + "/cid/" + rowId)
             .bodyValue(Map.of("kind", "C", "data", "ภาคเอกชนและมหาวิทยาลัย", "output", "แผนร่วม", "baseRevision", 1))
             .exchange().expectStatus().isOk();
        data.sendKeys(Keys.TAB); // leaving the field saves the row, on revision 1

        WebElement dialog = await(first, "conflict-dialog");
        until(first, d -> dialog.findElement(testId("conflict-theirs")).getText().contains("มหาวิทยาลัย"));
        assertThat(dialog.findElement(testId("conflict-yours")).getText()).contains("หอการค้า");
        assertThat(dialog.findElements(testId("conflict-merged"))).isEmpty();
        assertThat(dialog.findElement(testId("conflict-base")).getText()).contains("แถวไม่มีฉบับตั้งต้น");
        dialog.findElement(testId("conflict-keep-mine")).click();
        until(first, d -> sheet.level(1).path("cid").get(0).path("revision").asLong() == 3);
        assertThat(sheet.level(1).path("cid").get(0).path("data").asText()).isEqualTo("ภาคเอกชน และหอการค้า");
    }

    @Test
    void aCommentThreadWithMentionsChosenByKeyboardIsRepliedResolvedAndReopenedLiveInBothBrowsers() {
        Sheets sheet = sheets();
        String a = "a-" + sheet.code;
        String b = "b-" + sheet.code;
        sheet.open(first, a);
        sheet.open(second, b);
        until(first, d -> !d.findElements(By.cssSelector("[data-testid='presence-user'][data-user='" + b + "']")).isEmpty());

        WebElement box = await(first, "comment-text");
        box.sendKeys("ช่วยตรวจตัวเลขผลลัพธ์ @");
        WebElement list = await(first, By.id("mentions-new"));
        assertThat(list.findElements(testId("mention-option")).get(0).getAttribute("data-user")).isEqualTo(b);
        assertThat(list.getText()).contains("ผู้เขียน " + b);
        assertThat(Axe.seriousViolations(first)).as("the worksheet with the @ list open").isEmpty();
        box.sendKeys(Keys.ARROW_DOWN);
        box.sendKeys(Keys.ARROW_UP); // back to the first: the colleague
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("mention-new-0");
        box.sendKeys(Keys.ENTER);
        box.sendKeys("ด้วยครับ");
        assertThat(box.getDomProperty("value")).isEqualTo("ช่วยตรวจตัวเลขผลลัพธ์ @" + b + " ด้วยครับ");
        await(first, "comment-submit").click();

        WebElement thread = await(second, "comment-thread");
        until(second, d -> thread.getText().contains("@" + b + " ด้วยครับ"));
        WebElement reply = thread.findElement(testId("comment-reply"));
        reply.sendKeys("ตรวจแล้ว @" + a.substring(0, 3));
        await(second, By.cssSelector("[data-testid='comment-thread'] [data-testid='mention-option'][data-user='" + a + "']"));
        reply.sendKeys(Keys.TAB);
        reply.sendKeys("ถูกต้อง", Keys.ENTER);
        until(first, d -> d.findElement(testId("comment-thread")).getText().contains("ตรวจแล้ว @" + a + " ถูกต้อง"));

        first.findElement(testId("comment-resolve")).click();
        until(second, d -> "RESOLVED".equals(d.findElement(testId("comment-thread")).getAttribute("data-status")));
        await(second, "comment-reopen").click();
        until(first, d -> "OPEN".equals(d.findElement(testId("comment-thread")).getAttribute("data-status")));
        JsonNode stored = sheet.queries(sheet.lead()).get().uri("/api/assessments/" + sheet.id + "/comments").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().path("threads").get(0);
        assertThat(stored.path("mentions").toString()).contains(a).contains(b);
        assertThat(stored.path("status").asText()).isEqualTo("OPEN");
    }

    /**
     * A 10-second token from the sign-in page (the test adds ttlSeconds to the page's request) really expires; the
     * text typed after that meets the 401, the person signs in again and the text is saved. The page's heartbeats
     * are held, so the save is surely the first request to meet the expired token (a heartbeat meeting it first
     * sends the person to sign-in all the same).
     */
    @Test
    void textTypedWhenTheTokenHasExpiredIsSavedAfterSigningInAgain() {
        Sheets sheet = sheets();
        WebDriver browser = stack.browser();
        browser.get(stack.app("/app/sign-in?next=" + sheet.worksheet()));
        assertThat(await(browser, By.cssSelector("ul.people")).getText()).contains("วิภา ผู้ประสาน (ผู้ประสานงาน)")
                .doesNotContain(" )");
        js(browser, """
                window.__saves = [];
                const real = window.fetch;
                window.fetch = async (url, init) => {
                  if (String(url).endsWith('/api/dev/tokens') && !window.__short) {
                    init = { ...init, body: JSON.stringify({ ...JSON.parse(init.body), ttlSeconds: 10 }) };
                    const answer = await real(url, init);
                    window.__short = await answer.clone().json();
                    return answer;
                  }
                  if (init && init.method === 'PUT' && String(url).endsWith('/presence')) {
                    return new Promise(() => {});
                  }
                  const answer = await real(url, init);
                  if (init && init.method === 'PUT' && String(url).includes('/levels/')) {
                    window.__saves.push(answer.status);
                  }
                  return answer;
                };
                """);
        Screens.signIn(browser, "editor-" + sheet.code, "ประเสริฐ มั่นคง", sheet.code, "EDITOR");
        Screens.awaitPath(browser, sheet.worksheet());
        await(browser, "adr-basic-approach");
        String token = (String) js(browser, "return window.__short.token;");
        until(browser, d -> sheet.queries(token).get().uri("/api/assessments").exchange().returnResult(String.class)
                                 .getStatus().value() == 401);

        typeAt(browser, "adr-basic-approach", 0, "เขียนหลังหมดอายุ: ทบทวนแผนทุกไตรมาส");
        Screens.awaitPath(browser, "/app/sign-in");
        // the first save met the expired token; none got through before signing in again
        assertThat(js(browser, "return window.__saves;").toString()).startsWith("[401").doesNotContain("200");
        assertThat(await(browser, "signin-user").getAttribute("value")).isEqualTo("editor-" + sheet.code);
        await(browser, "signin-submit").click();

        Screens.awaitPath(browser, sheet.worksheet());
        until(browser, d -> "เขียนหลังหมดอายุ: ทบทวนแผนทุกไตรมาส".equals(value(d, "adr-basic-approach")));
        until(browser, d -> sheet.level(0).path("approach").path("revision").asLong() == 1);
        JsonNode approach = sheet.level(0).path("approach");
        assertThat(approach.path("text").asText()).isEqualTo("เขียนหลังหมดอายุ: ทบทวนแผนทุกไตรมาส");
        assertThat(approach.path("author").path("userId").asText()).isEqualTo("editor-" + sheet.code);
    }
}
