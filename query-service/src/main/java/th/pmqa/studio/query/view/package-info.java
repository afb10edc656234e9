/**
 * The report as typed records, built once from the fold's state by {@code report.ReportViewBuilder}: Jackson writes
 * the report's JSON from them (the member order of each record is the order of its JSON), the HTML report renders
 * them, and the OpenAPI description is generated from them; the exports render them too. Records only: this
 * package depends on nothing of the query side, so every layer above may use it.
 *
 * <p>Members annotated {@code @JsonIgnore} are catalog texts a printed report needs (level requirements, writing
 * prompts, band names) that the JSON leaves to {@code GET /api/catalog}, so a live update does not repeat them.
 */
package th.pmqa.studio.query.view;
