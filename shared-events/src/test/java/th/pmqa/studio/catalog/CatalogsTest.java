package th.pmqa.studio.catalog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogsTest {

    private final Catalog catalog = Catalogs.current();

    /** The two levels whose ตัวอย่าง cell is empty in the seed (detail slides of 4.3 and 6.1). */
    private static final Set<String> LEVELS_WITHOUT_EXAMPLE_IN_SEED = Set.of("4.3/SIGNIFICANCE", "6.1/ADVANCE");

    private CriterionLevel level(String criterion, LevelKind kind) {
        return catalog.criterion(criterion).orElseThrow().level(kind).orElseThrow();
    }

    @Test
    void currentCatalogIsTheFiscalYear2567Version() {
        assertThat(catalog.version()).isEqualTo("pmqa-4.0/2567");
        assertThat(catalog.title()).isEqualTo("PMQA 4.0 ประจำปีงบประมาณ พ.ศ. 2567");
        assertThat(Catalogs.load("pmqa-4.0/2567")).containsSame(catalog);
    }

    @Test
    void unknownOrMalformedVersionsLoadNothing() {
        assertThat(Catalogs.load("pmqa-4.0/9999")).isEmpty();
        assertThat(Catalogs.load("../x")).isEmpty();
        assertThat(Catalogs.load("pmqa-4.0/../2567")).isEmpty();
        assertThat(Catalogs.load("")).isEmpty();
        assertThat(Catalogs.load(null)).isEmpty();
    }

    @Test
    void profileHasThirteenQuestionsWithPartOneUpToEightAndPartTwoFromNine() {
        assertThat(catalog.profileQuestions()).extracting(ProfileQuestion::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 13).boxed().toList());
        assertThat(catalog.profileQuestions()).allSatisfy(q -> {
            assertThat(q.part()).isEqualTo(q.number() <= 8 ? "P.1" : "P.2");
            assertThat(q.partTitle()).isEqualTo(q.number() <= 8 ? "ลักษณะองค์การ" : "สภาวะการณ์ขององค์กร");
            assertThat(q.text()).isNotBlank();
        });
    }

    @Test
    void profileHasTwentyNineItemsEachAnsweringAnExistingQuestion() {
        assertThat(catalog.profileItems()).extracting(ProfileItem::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 29).boxed().toList());
        assertThat(catalog.profileItems()).allSatisfy(item -> {
            assertThat(catalog.profileQuestion(item.question())).as("question of item %d", item.number()).isPresent();
            assertThat(item.title()).isNotBlank();
        });
        // every question is asked by at least one item, except (6) โครงสร้างองค์การ which the 29-item table never names
        assertThat(catalog.profileItems().stream().map(ProfileItem::question).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void profileItemToQuestionMappingFollowsTheOpTable() {
        Map<Integer, Integer> expected = Map.ofEntries(
                Map.entry(1, 1), Map.entry(2, 2), Map.entry(3, 2), Map.entry(4, 2), Map.entry(5, 4), Map.entry(6, 4),
                Map.entry(7, 3), Map.entry(8, 5), Map.entry(9, 13), Map.entry(10, 7), Map.entry(11, 7),
                Map.entry(12, 7), Map.entry(13, 7), Map.entry(14, 9), Map.entry(15, 12), Map.entry(16, 12),
                Map.entry(17, 8), Map.entry(18, 7), Map.entry(19, 2), Map.entry(20, 11), Map.entry(21, 10),
                Map.entry(22, 1), Map.entry(23, 4), Map.entry(24, 2), Map.entry(25, 3), Map.entry(26, 5),
                Map.entry(27, 3), Map.entry(28, 9), Map.entry(29, 10));
        assertThat(catalog.profileItems().stream().collect(Collectors.toMap(ProfileItem::number, ProfileItem::question)))
                .isEqualTo(expected);
    }

    @Test
    void catalogHasSixCategoriesWithIntentAndEqualWeights() {
        assertThat(catalog.categories()).extracting(Category::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(catalog.categories()).allSatisfy(c -> {
            assertThat(c.title()).isNotBlank();
            assertThat(c.intent()).isNotBlank();
            assertThat(c.weight()).isEqualTo(1.0);
        });
    }

    @Test
    void catalogHasEighteenSubCriteriaWithThreeLevelsEach() {
        List<String> ids = new ArrayList<>();
        for (int category = 1; category <= 6; category++) {
            for (int sub = 1; sub <= 3; sub++) {
                ids.add(category + "." + sub);
            }
        }
        assertThat(catalog.criteria()).extracting(Criterion::id).containsExactlyElementsOf(ids);
        assertThat(catalog.criteria()).allSatisfy(c -> {
            assertThat(c.category()).isEqualTo(Integer.parseInt(c.id().substring(0, 1)));
            assertThat(catalog.category(c.category())).isPresent();
            assertThat(c.title()).isNotBlank();
            assertThat(c.titleEnglish()).isNotBlank();
            assertThat(c.goal()).isNotBlank();
            assertThat(c.weight()).isEqualTo(1.0);
            assertThat(c.levels()).extracting(CriterionLevel::level)
                    .containsExactly(LevelKind.BASIC, LevelKind.ADVANCE, LevelKind.SIGNIFICANCE);
            assertThat(c.levels()).allSatisfy(l -> {
                assertThat(l.requirement()).isNotBlank();
                assertThat(l.requirementEnglish()).isNotBlank();
                assertThat(l.explanation()).isNotBlank();
            });
        });
        assertThat(catalog.criteriaOf(4)).extracting(Criterion::id).containsExactly("4.1", "4.2", "4.3");
    }

    @Test
    void everyLevelHasAnExampleExceptTheTwoCellsTheSeedLeavesEmpty() {
        List<String> withoutExample = catalog.criteria().stream()
                .flatMap(c -> c.levels().stream().filter(l -> l.example().isBlank()).map(l -> c.id() + "/" + l.level()))
                .toList();
        assertThat(withoutExample).containsExactlyInAnyOrderElementsOf(LEVELS_WITHOUT_EXAMPLE_IN_SEED);
    }

    @Test
    void categorySevenHasSixDimensionsAndTwentySevenIndicatorGroups() {
        assertThat(catalog.resultDimensions()).extracting(ResultDimension::id)
                .containsExactly("7.1", "7.2", "7.3", "7.4", "7.5", "7.6");
        assertThat(catalog.resultDimensions()).allSatisfy(d -> assertThat(d.title()).startsWith("ตัวชี้วัดด้าน"));
        assertThat(catalog.indicatorGroups()).hasSize(27);
        Map<String, Integer> perDimension = Map.of("7.1", 4, "7.2", 5, "7.3", 4, "7.4", 5, "7.5", 5, "7.6", 4);
        perDimension.forEach((dimension, count) -> {
            List<IndicatorGroup> groups = catalog.indicatorGroupsOf(dimension);
            assertThat(groups).as(dimension).extracting(IndicatorGroup::id)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, count).mapToObj(i -> dimension + "." + i).toList());
        });
        assertThat(catalog.indicatorGroups()).allSatisfy(g -> {
            assertThat(g.title()).isNotBlank();
            assertThat(catalog.indicatorGroup(g.id())).isPresent();
            assertThat(catalog.resultDimension(g.dimension())).isPresent();
        });
    }

    @Test
    void everyIndicatorGroupHasADescriptionExceptDimensionSevenOneWhichTheSeedDoesNotDescribe() {
        assertThat(catalog.indicatorGroups()).allSatisfy(g -> {
            if (g.dimension().equals("7.1")) {
                assertThat(g.description()).as(g.id()).isEmpty();
            } else {
                assertThat(g.description()).as(g.id()).isNotBlank();
            }
        });
    }

    @Test
    void bandsAreBasicAdvanceAndSignificanceWithTheSeedScoreRanges() {
        assertThat(catalog.bands()).extracting(ScoreBand::level, ScoreBand::min, ScoreBand::max)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LevelKind.BASIC, 300, 399),
                        org.assertj.core.groups.Tuple.tuple(LevelKind.ADVANCE, 400, 469),
                        org.assertj.core.groups.Tuple.tuple(LevelKind.SIGNIFICANCE, 470, 500));
        assertThat(catalog.band(LevelKind.BASIC).nameThai()).isEqualTo("การดำเนินการที่เป็นระบบ");
        assertThat(catalog.band(LevelKind.ADVANCE).nameThai()).isEqualTo("การดำเนินการเชิงรุก");
        assertThat(catalog.band(LevelKind.SIGNIFICANCE).nameThai()).isEqualTo("บูรณาการให้เกิดผล");
        assertThat(catalog.bands()).allSatisfy(b -> assertThat(b.description()).isNotBlank());
    }

    @Test
    void bandOfFindsTheLevelOfAScoreAndNothingOutsideThreeHundredToFiveHundred() {
        assertThat(catalog.bandOf(405)).map(ScoreBand::level).contains(LevelKind.ADVANCE);
        assertThat(catalog.bandOf(300)).map(ScoreBand::level).contains(LevelKind.BASIC);
        assertThat(catalog.bandOf(399)).map(ScoreBand::level).contains(LevelKind.BASIC);
        assertThat(catalog.bandOf(469)).map(ScoreBand::level).contains(LevelKind.ADVANCE);
        assertThat(catalog.bandOf(470)).map(ScoreBand::level).contains(LevelKind.SIGNIFICANCE);
        assertThat(catalog.bandOf(500)).map(ScoreBand::level).contains(LevelKind.SIGNIFICANCE);
        assertThat(catalog.bandOf(299)).isEmpty();
        assertThat(catalog.bandOf(501)).isEmpty();
    }

    @Test
    void adrGuidanceAndDefinitionsCoverEveryLevelAndPart() {
        assertThat(catalog.adrGuidance()).extracting(AdrGuidance::level)
                .containsExactly(LevelKind.BASIC, LevelKind.ADVANCE, LevelKind.SIGNIFICANCE);
        assertThat(catalog.adrGuidance()).allSatisfy(g -> {
            for (AdrPart part : AdrPart.values()) {
                assertThat(g.part(part)).isNotBlank();
            }
            assertThat(g.summary()).isNotBlank();
            assertThat(g.workshopText()).isEqualTo(String.join(" ", g.approach(), g.deploy(), g.result()));
        });
        assertThat(catalog.adrDefinitions()).extracting(AdrDefinition::part).containsExactly(AdrPart.values());
        assertThat(catalog.adrDefinitions()).allSatisfy(d -> {
            assertThat(d.definition()).isNotBlank();
            assertThat(d.summary()).isNotBlank();
        });
    }

    @Test
    void categoriesRelateToTheResultDimensionsOfTheSeedTables() {
        Map<Integer, List<String>> expected = Map.of(
                1, List.of("7.1", "7.4"), 2, List.of("7.5"), 3, List.of("7.2"),
                4, List.of("7.6"), 5, List.of("7.3"), 6, List.of("7.6"));
        assertThat(catalog.categories().stream().collect(Collectors.toMap(Category::number, Category::relatedResultDimensions)))
                .isEqualTo(expected);
    }

    @Test
    void relatedProfileItemsAndResultDimensionsExist() {
        assertThat(catalog.categories()).allSatisfy(c -> {
            assertThat(c.relatedProfileItems()).isNotEmpty().doesNotHaveDuplicates();
            c.relatedProfileItems().forEach(n -> assertThat(catalog.profileItem(n)).as("OP item %d", n).isPresent());
            c.relatedResultDimensions().forEach(d -> assertThat(catalog.resultDimension(d)).as(d).isPresent());
        });
        assertThat(catalog.category(2).orElseThrow().relatedProfileItems())
                .containsExactly(1, 2, 14, 15, 16, 17, 28, 21, 20, 29);
        assertThat(catalog.category(4).orElseThrow().relatedProfileItems()).containsExactly(23, 20);
        assertThat(catalog.criteria()).allSatisfy(c -> {
            assertThat(c.relatedResultDimensions()).isNotEmpty();
            assertThat(catalog.category(c.category()).orElseThrow().relatedResultDimensions())
                    .containsAll(c.relatedResultDimensions());
        });
        assertThat(catalog.criterion("1.1").orElseThrow().relatedResultDimensions()).containsExactly("7.1", "7.4");
        assertThat(catalog.criterion("1.3").orElseThrow().relatedResultDimensions()).containsExactly("7.4");
    }

    @Test
    void spotChecksMatchTheSeedTextExactly() {
        assertThat(level("1.1", LevelKind.BASIC).requirement())
                .isEqualTo("การกำหนดวิสัยทัศน์/ยุทธศาสตร์และการตั้งเป้าหมายที่ท้าทาย เพื่อตอบสนองต่อการบรรลุพันธกิจของส่วนราชการ");
        assertThat(level("1.1", LevelKind.BASIC).requirementEnglish()).isEqualTo("Mission focus & challenging goals");
        assertThat(level("6.3", LevelKind.ADVANCE).requirementEnglish())
                .isEqualTo("Proactive preparation for risk mitigation and business continuity plan");
        assertThat(level("2.3", LevelKind.BASIC).explanation()).isEqualTo(
                "ระบบการติดตามรายงานผลของตัวชี้วัด แผนปฏิบัติการและยุทธศาสตร์ทั้งระยะสั้นและระยะยาว "
                        + "การใช้เทคโนโลยีเพื่อการติดตามอย่างมีประสิทธิภาพ การรายงานผลที่เกิดขึ้นต่อสาธารณะ ผ่านช่องทางสื่อต่าง ๆ");
        assertThat(level("4.2", LevelKind.ADVANCE).example()).isEqualTo(
                "แสดงมาตรการการรักษาความปลอดภัยของข้อมูล และชั้นความลับ ตลอดจนกฎหมายของการป้องกันข้อมูลส่วนบุคคล "
                        + "แสดงแผนการป้องกันการโจมตีทางไซเบอร์ การรับมือกับภัยพิบัติและภาวะฉุกเฉิน");
        assertThat(catalog.profileItem(27).orElseThrow().title()).isEqualTo(
                "ประเด็นการเปลี่ยนแปลงด้านบุคลากรที่สำคัญคืออะไร พื้นฐานของบุคลากรที่มีผลต่อการวางแผนการพัฒนา"
                        + "และการสร้างขีดความสามารถในการเป็นองค์การสมรรถนะสูงมีอะไรบ้าง");
        assertThat(catalog.profileItem(17).orElseThrow().title()).isEqualTo("ผู้ส่งมอบ พันธมิตร และผู้ให้ความร่วมมือ");
        assertThat(catalog.profileQuestion(8).orElseThrow().text())
                .isEqualTo("ส่วนราชการหรือหน่วยงานที่เกี่ยวข้องกันในการให้บริการหรือส่งมอบงานต่อกัน");
        assertThat(catalog.indicatorGroup("7.5.1").orElseThrow().description())
                .isEqualTo("ตัวชี้วัดของการบรรลุความสำเร็จ ในกระบวนการที่ดำเนินการข้ามหลายหน่วยงาน (Joint KPI)");
        assertThat(catalog.indicatorGroup("7.1.1").orElseThrow().title())
                .isEqualTo("ตัววัดตามภารกิจหลัก/คำรับรองการปฏิบัติราชการ (ไม่น้อยกว่า 2 ตัว ไม่เกิน 3 ตัว)*");
        assertThat(catalog.criterion("4.2").orElseThrow().goal())
                .isEqualTo("มีการจัดการความปลอดภัยด้านข้อมูลและความมั่นคงด้านไซเบอร์");
        assertThat(catalog.category(3).orElseThrow().intent()).isEqualTo(
                "เพื่อให้ส่วนราชการพัฒนาระบบข้อมูลและสารสนเทศด้านการบริการประชาชนที่ทันสมัยรวดเร็วและเข้าถึง "
                        + "นำมาใช้ในการสร้างนวัตกรรมการบริการที่สร้างความแตกต่าง วางแผนเชิงรุกในการตอบสนองความต้องการ"
                        + "และความคาดหวังของกลุ่มต่าง ๆ ทั้งปัจจุบันและอนาคต มีกระบวนการแก้ไขข้อร้องเรียนที่รวดเร็ว "
                        + "และสร้างสรรค์โดยปฏิบัติงานบนพื้นฐานของข้อมูลความต้องการของประชาชน");
        AdrGuidance basic = catalog.adrGuidance(LevelKind.BASIC).orElseThrow();
        assertThat(basic.approach()).isEqualTo("แนวทางการดำเนินการเป็นระบบ(มีกลไก/แนวทาง/มาตรฐาน/ขั้นตอน/เหมาะสมและทำซ้ำได้)");
        assertThat(basic.deploy()).isEqualTo("ถ่ายทอดไปปฏิบัติ(การใช้แนวทางกับทุกหน่วยงานที่เกี่ยวข้อง)อย่างมีประสิทธิภาพ");
        assertThat(basic.result()).isEqualTo("ปรับปรุงเพื่อแก้ปัญหา(เชิงรับ)และมีผลงานที่ดีในการบรรลุพันธกิจ");
        assertThat(catalog.adrDefinition(AdrPart.RESULT).orElseThrow().summary())
                .isEqualTo("ประสิทธิภาพกระบวนการที่เกิดผลลัพธ์ตามต้องการ และประโยชน์ของประชาชน");
        assertThat(catalog.band(LevelKind.BASIC).description()).endsWith("(Approach and Effectively Deploy หรือ A&D)");
    }

    @Test
    void workshopTablesWinWhereSlidesDisagree() {
        // the overview table says "กระบวนการจัดการข้อร้องเรียนเชิงรุก ..."; the detail slide and both workshop forms say:
        assertThat(level("3.3", LevelKind.ADVANCE).requirement())
                .isEqualTo("การสร้างเครือข่าย เปิดโอกาสให้มีส่วนร่วม และจัดการข้อร้องเรียนเชิงรุก ตอบสนองและสร้างความพึงพอใจ");
        // both workshop forms say "ความเสียหาย"; the detail slide and the 2567 table say "ความเสี่ยง", as the English
        // tag does ("risk mitigation"): the tag breaks the tie
        assertThat(level("6.3", LevelKind.ADVANCE).requirement())
                .isEqualTo("การเตรียมการเชิงรุกเพื่อลดผลกระทบจากความเสี่ยง การเตรียมพร้อมเพื่อรับมือกับเหตุการณ์");
        // the two workshop forms disagree (ปลอดภัย / โปร่งใส); the reading the detail slide confirms wins
        assertThat(level("1.2", LevelKind.BASIC).requirement()).contains("เสริมสร้างความโปร่งใสและป้องกันการทุจริต");
        assertThat(catalog.criterion("1.2").orElseThrow().title())
                .isEqualTo("ระบบการกำกับดูแลที่มีประสิทธิภาพและสร้างความโปร่งใส");
        // the workshop forms end in a blank to fill ("เช่น ตัวชี้วัดด้าน"), the detail slide does not: the blank is a
        // writing prompt, not part of the explanation
        assertThat(level("6.1", LevelKind.ADVANCE).explanation()).endsWith("เพื่อกำหนดมาตรฐานการทำงาน");
    }

    @Test
    void noTextContainsTabsMarkupReplacementCharactersOrOuterSpaces() {
        List<String> texts = new ArrayList<>();
        Consumer<String> add = texts::add;
        add.accept(catalog.title());
        catalog.bands().forEach(b -> List.of(b.nameThai(), b.nameEnglish(), b.description()).forEach(add));
        catalog.adrGuidance().forEach(g -> List.of(g.approach(), g.deploy(), g.result(), g.summary(), g.workshopText()).forEach(add));
        catalog.adrDefinitions().forEach(d -> List.of(d.name(), d.definition(), d.summary()).forEach(add));
        catalog.profileQuestions().forEach(q -> List.of(q.part(), q.text(), q.partTitle()).forEach(add));
        catalog.profileItems().forEach(i -> List.of(i.title(), i.description()).forEach(add));
        catalog.categories().forEach(c -> List.of(c.title(), c.intent()).forEach(add));
        catalog.criteria().forEach(c -> {
            List.of(c.title(), c.titleEnglish(), c.goal()).forEach(add);
            c.levels().forEach(l -> List.of(l.requirement(), l.requirementEnglish(), l.explanation(), l.example()).forEach(add));
        });
        catalog.resultDimensions().forEach(d -> add.accept(d.title()));
        catalog.indicatorGroups().forEach(g -> List.of(g.title(), g.description()).forEach(add));
        catalog.indicatorGroups().forEach(g -> g.countGuidance().ifPresent(c -> add.accept(c.text())));
        catalog.criteria().forEach(c -> c.prompts().forEach(p -> add.accept(p.text())));
        catalog.workshopSteps().stepOne().forEach(add);
        add.accept(catalog.workshopSteps().stepTwo());
        List.of(catalog.scoring().rule(), catalog.scoring().ruleThai()).forEach(add);

        assertThat(texts).hasSizeGreaterThan(370).allSatisfy(t -> {
            assertThat(t).isNotNull();
            assertThat(t).doesNotContain("\t", "<small>", "</small>", "<p>", "<ul", "<u>", "**", "\uFFFD", "  ");
            assertThat(t).isEqualTo(t.strip());
        });
    }

    @Test
    void thaiTextIsStoredAsRealCharactersNotEscapes() throws Exception {
        try (var in = Catalogs.class.getResourceAsStream("/catalog/pmqa-4.0/2567.json")) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).doesNotContain("\\u0e", "\\u0E").contains("บูรณาการให้เกิดผล");
        }
    }

    @Test
    void recordsKeepTheirOriginalConstructors() {
        Criterion criterion = new Criterion("9.9", 9, "t", "g", 1.0, List.of());
        assertThat(criterion.titleEnglish()).isEmpty();
        assertThat(criterion.relatedResultDimensions()).isEmpty();
        assertThat(new ProfileQuestion(1, "P.1", "x").partTitle()).isEmpty();
        AdrGuidance guidance = new AdrGuidance(LevelKind.BASIC, "a", "d", "r");
        assertThat(guidance.workshopText()).isEqualTo("a d r");
        Catalog empty = new Catalog("x/0000", "t", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
        assertThat(empty.adrDefinitions()).isEmpty();
    }
}
