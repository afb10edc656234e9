package th.pmqa.studio.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog data the worksheet forms need: prompts, suggested links, count guidance, workshop steps, scoring. */
class CatalogWritingAidsTest {

    private static final String STARTER = "อธิบายผลการดำเนินการ:";

    private final Catalog catalog = Catalogs.current();

    private Criterion criterion(String id) {
        return catalog.criterion(id).orElseThrow();
    }

    @Test
    void everyLevelOfEverySubCriterionHasTheFormsResultStarterAndNoInventedApproachOrDeployPrompt() {
        assertThat(catalog.criteria()).hasSize(18).allSatisfy(c -> {
            for (LevelKind level : LevelKind.values()) {
                assertThat(c.prompt(level, AdrPart.RESULT)).as(c.id() + " " + level).get()
                        .extracting(WritingPrompt::text).asString().startsWith(STARTER);
                // the seed prints nothing of its own for these fields; the level's adrGuidance is their guide
                assertThat(c.prompt(level, AdrPart.APPROACH)).as(c.id() + " " + level).isEmpty();
                assertThat(c.prompt(level, AdrPart.DEPLOY)).as(c.id() + " " + level).isEmpty();
            }
        });
    }

    @Test
    void theFourHintsTheFormsPrintFollowTheStarterOfTheirLevelAndEveryOtherResultPromptIsTheBareStarter() {
        Map<String, String> hints = Map.of(
                "1.3/SIGNIFICANCE", STARTER + " เช่น ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม ผลกระทบด้านคาร์บอน และผลลัพธ์ในการสร้างความยั่งยืน",
                "3.1/SIGNIFICANCE", STARTER + " เช่น ขอนแก่น 4 ดี แพลตฟอร์ม smart farming การแก้จนพื้นที่",
                "6.1/ADVANCE", STARTER + " เช่น ตัวชี้วัดด้าน",
                "6.3/BASIC", STARTER + " เช่น มีเครือข่ายความร่วมมือในการขจัดมลพิษมีการแลกเปลี่ยนข้อมูลร่วมกัน เป็นต้น");
        for (Criterion c : catalog.criteria()) {
            for (LevelKind level : LevelKind.values()) {
                String text = c.prompt(level, AdrPart.RESULT).orElseThrow().text();
                assertThat(text).as(c.id() + " " + level).isEqualTo(hints.getOrDefault(c.id() + "/" + level, STARTER));
            }
        }
    }

    @Test
    void theStepTwoColumnStartersOfCategoriesOneAndTwoArePromptsForTheSummaryAndNoOtherSubCriterionHasOne() {
        Map<String, String> starters = new java.util.HashMap<>();
        for (String id : List.of("1.1", "1.2", "1.3")) {
            starters.put(id, "ผู้บริหารฯ มีการดำเนินการ");
        }
        for (String id : List.of("2.1", "2.2", "2.3")) {
            starters.put(id, "ผู้บริหารและหัวหน้าส่วนราชการ และงานยุทธศาสตร์จังหวัดได้ดำเนินการ");
        }
        assertThat(catalog.criteria()).allSatisfy(c -> {
            if (starters.containsKey(c.id())) {
                assertThat(c.summaryPrompt()).as(c.id()).get().extracting(WritingPrompt::text).isEqualTo(starters.get(c.id()));
            } else {
                assertThat(c.summaryPrompt()).as(c.id()).isEmpty();
            }
            assertThat(c.prompts().stream().filter(WritingPrompt::forSummary)).as(c.id()).hasSizeLessThanOrEqualTo(1);
        });
    }

    @Test
    void everyPromptIsNonEmptyStrippedThaiStoredByteExactAsWrittenInTheDataFile() throws Exception {
        String json;
        try (var in = Catalogs.class.getResourceAsStream("/catalog/pmqa-4.0/2567.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> texts = new ArrayList<>();
        catalog.criteria().forEach(c -> c.prompts().forEach(p -> texts.add(p.text())));
        texts.addAll(catalog.workshopSteps().stepOne());
        texts.add(catalog.workshopSteps().stepTwo());
        assertThat(texts).hasSize(18 * 3 + 6 + 5).allSatisfy(t -> {
            assertThat(t).isNotBlank().isEqualTo(t.strip()).doesNotContain("  ", "\t", "<", "**", "\uFFFD");
            assertThat(t).matches(".*[\\u0E00-\\u0E7F].*"); // Thai
            assertThat(Normalizer.isNormalized(t, Normalizer.Form.NFC)).isTrue();
            assertThat(json).contains("\"" + t + "\""); // read as written, not rebuilt
        });
        // the bytes of the starter: อ ธ ิ บ า ย ผ ล ก า ร ด ำ เ น ิ น ก า ร : (SARA AM as one code point, U+0E33)
        assertThat(STARTER.getBytes(StandardCharsets.UTF_8)).hasSize(20 * 3 + 1);
        assertThat(criterion("1.1").prompt(LevelKind.BASIC, AdrPart.RESULT).orElseThrow().text()
                                   .getBytes(StandardCharsets.UTF_8))
                .isEqualTo(STARTER.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everySuggestedLinkResolvesToAnExistingItemOrIndicatorGroupOfTheSubCriterionsDimensions() {
        assertThat(catalog.criteria()).allSatisfy(c -> {
            SuggestedLinks links = c.suggestedLinks();
            assertThat(links.profileItems()).as(c.id()).isNotEmpty().doesNotHaveDuplicates()
                    .allSatisfy(n -> assertThat(catalog.profileItem(n)).as(c.id() + " item " + n).isPresent());
            assertThat(links.indicatorGroups()).as(c.id()).isNotEmpty().doesNotHaveDuplicates().allSatisfy(g -> {
                IndicatorGroup group = catalog.indicatorGroup(g).orElseThrow();
                assertThat(c.relatedResultDimensions()).as(c.id() + " " + g).contains(group.dimension());
            });
            // the seed relates OP items per category (its tables "ตัวอย่าง OP และผลลัพธ์ที่เกี่ยวข้อง"), result
            // dimensions per sub-criterion (the header of its workshop form): every group of those dimensions
            assertThat(links.profileItems()).as(c.id())
                    .containsExactlyElementsOf(catalog.category(c.category()).orElseThrow().relatedProfileItems());
            assertThat(links.indicatorGroups()).as(c.id()).containsExactlyElementsOf(c.relatedResultDimensions().stream()
                    .flatMap(d -> catalog.indicatorGroupsOf(d).stream()).map(IndicatorGroup::id).toList());
        });
        assertThat(criterion("1.1").suggestedLinks().indicatorGroups())
                .containsExactly("7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.4.1", "7.4.2", "7.4.3", "7.4.4", "7.4.5");
        assertThat(criterion("4.2").suggestedLinks().profileItems()).containsExactly(23, 20);
        // items the sub-criteria's own examples name ("ที่ระบุไว้ใน OP", "ที่ระบุไว้ในโครงสร้างองค์กร") are among them
        assertThat(criterion("2.1").suggestedLinks().profileItems()).contains(16);
        assertThat(criterion("3.1").suggestedLinks().profileItems()).contains(12, 18);
        assertThat(criterion("5.1").suggestedLinks().profileItems()).contains(27);
        assertThat(criterion("5.3").suggestedLinks().profileItems()).contains(19);
    }

    @Test
    void indicatorGroupSevenOneOneCarriesTheSeedsTwoToThreeIndicatorsAsGuidanceAndNoOtherGroupHasACount() {
        IndicatorGroup group = catalog.indicatorGroup("7.1.1").orElseThrow();
        IndicatorCount count = group.countGuidance().orElseThrow();
        assertThat(count).isEqualTo(new IndicatorCount(2, 3, "ไม่น้อยกว่า 2 ตัว ไม่เกิน 3 ตัว"));
        assertThat(group.title()).contains("(" + count.text() + ")");
        assertThat(IntStream.rangeClosed(0, 5).filter(count::admits).boxed().toList()).containsExactly(2, 3);
        assertThat(catalog.indicatorGroups().stream().filter(g -> g.indicatorCount() != null).map(IndicatorGroup::id))
                .containsExactly("7.1.1");
        assertThatThrownBy(() -> new IndicatorCount(3, 2, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWorkshopStepsAreTheFormsStepOneListAndStepTwoInstruction() {
        assertThat(catalog.workshopSteps().stepOne()).containsExactly(
                "วิเคราะห์เกณฑ์และคำถาม",
                "ระบุ OP ลำดับที่เกี่ยวข้อง (ใช้จากตาราง 29 ข้อ)",
                "ระบุผลลัพธ์ในมิติที่เกี่ยวข้องและตัวชี้วัดที่เกี่ยวข้อง",
                "ร่างผลการดำเนินการจำแนกตาม Basic Advance Significance");
        assertThat(catalog.workshopSteps().stepTwo()).isEqualTo(
                "อธิบายผลการดำเนินการในภาพรวมของเกณฑ์ และประเมินระดับพัฒนาการของจังหวัดว่าอยู่ในระดับใด (300/400/500)");
    }

    @Test
    void theScoreWeightsAreMarkedAsTheToolsOwnAndAreAllOneAsTheRuleSays() {
        Scoring scoring = catalog.scoring();
        assertThat(scoring).isNotNull();
        assertThat(scoring.weightsSource()).isEqualTo(Scoring.TOOL);
        assertThat(scoring.rule()).contains("the seed gives no weights").contains("1.0");
        assertThat(scoring.ruleThai()).contains("เอกสารต้นทางไม่ได้กำหนดน้ำหนัก").endsWith("เท่ากับ 1");
        assertThat(catalog.categories()).allSatisfy(c -> assertThat(c.weight()).isEqualTo(1.0));
        assertThat(catalog.criteria()).allSatisfy(c -> assertThat(c.weight()).isEqualTo(1.0));
        assertThatThrownBy(() -> new Scoring("guess", "r", "r")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void questionSixHasItsTextThoughNoItemOfTheTwentyNineAnswersItAndEveryOtherQuestionHasItems() {
        assertThat(catalog.profileQuestion(6)).get().extracting(ProfileQuestion::text).isEqualTo("โครงสร้างองค์การ");
        assertThat(catalog.profileItemsOf(6)).isEmpty();
        assertThat(IntStream.rangeClosed(1, 13).filter(q -> q != 6))
                .allSatisfy(q -> assertThat(catalog.profileItemsOf(q)).as("question %d", q).isNotEmpty());
        assertThat(IntStream.rangeClosed(1, 13).mapToObj(catalog::profileItemsOf).mapToInt(List::size).sum()).isEqualTo(29);
        assertThat(catalog.profileItemsOf(7)).extracting(ProfileItem::number).containsExactly(10, 11, 12, 13, 18);
    }

    @Test
    void theCatalogAsJsonCarriesTheNewFieldsOmitsAbsentOnesAndReadsBackEqual() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(catalog);
        JsonNode tree = mapper.readTree(json);
        JsonNode first = tree.at("/criteria/0");
        assertThat(first.at("/prompts/0").fieldNames()).toIterable().containsExactly("text");
        assertThat(first.at("/prompts/1").fieldNames()).toIterable().containsExactly("level", "part", "text");
        assertThat(first.at("/suggestedLinks/profileItems").size()).isEqualTo(9);
        assertThat(tree.at("/indicatorGroups/0/indicatorCount/min").asInt()).isEqualTo(2);
        assertThat(tree.at("/indicatorGroups/1").has("indicatorCount")).isFalse();
        assertThat(tree.at("/scoring/weightsSource").asText()).isEqualTo("tool");
        assertThat(tree.at("/workshopSteps/stepOne").size()).isEqualTo(4);
        // nothing else leaks out as a property (derived helpers stay methods)
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "category", "title", "goal", "weight",
                "levels", "titleEnglish", "relatedResultDimensions", "prompts", "suggestedLinks");
        assertThat(mapper.readValue(json, Catalog.class)).isEqualTo(catalog);
    }

    @Test
    void promptsAndLinksAreImmutableAndAPromptNamesBothLevelAndPartOrNeither() {
        Criterion c = criterion("1.1");
        assertThatThrownBy(() -> c.prompts().add(WritingPrompt.summary("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.suggestedLinks().profileItems().add(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new WritingPrompt(LevelKind.BASIC, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WritingPrompt(null, AdrPart.RESULT, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WritingPrompt.summary(" ")).isInstanceOf(IllegalArgumentException.class);
        Criterion old = new Criterion("9.9", 9, "t", "g", 1.0, List.of(), "T", List.of("7.1"));
        assertThat(old.prompts()).isEmpty();
        assertThat(old.suggestedLinks()).isEqualTo(SuggestedLinks.NONE);
        assertThat(new IndicatorGroup("7.9.9", "7.9", "t", "d").countGuidance()).isEmpty();
        Set<String> ids = catalog.criteria().stream().map(Criterion::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(18);
    }
}
