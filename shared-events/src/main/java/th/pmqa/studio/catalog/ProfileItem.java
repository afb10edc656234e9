package th.pmqa.studio.catalog;

/** One of the 29 OP items (table "OP / 4.0 / ประเด็นคำถาม"), answering question {@code question}. */
public record ProfileItem(int number, int question, String title, String description) {
}
