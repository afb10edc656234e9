package th.pmqa.studio.query.export;

import org.junit.jupiter.api.Test;
import th.pmqa.studio.query.web.AttachmentName;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFileNameTest {

    @Test
    void theFileNameKeepsTheThaiLabelAsWritten() {
        assertThat(ExportFileName.of(2567, "KKN", "ร่างครั้งที่1", "pdf")).isEqualTo("PMQA-2567-KKN-ร่างครั้งที่1.pdf");
    }

    @Test
    void pathSeparatorsControlAndReservedCharactersBecomeUnderscores() {
        assertThat(ExportFileName.of(2567, "KKN", "../ร่าง\\1\u0000\n:\"*?<>|;%", "docx"))
                .isEqualTo("PMQA-2567-KKN-.._ร่าง_1___________.docx");
        assertThat(ExportFileName.of(2567, "KKN", "..", "pdf")).isEqualTo("PMQA-2567-KKN-_.pdf");
    }

    @Test
    void theContentDispositionHasAnAsciiFallbackAndTheExactNameAsRfc8187Utf8() {
        assertThat(AttachmentName.contentDisposition("PMQA-2567-KKN-ร่าง1.pdf"))
                .isEqualTo("attachment; filename=\"PMQA-2567-KKN-____1.pdf\"; "
                           + "filename*=UTF-8''PMQA-2567-KKN-%E0%B8%A3%E0%B9%88%E0%B8%B2%E0%B8%871.pdf");
    }
}
