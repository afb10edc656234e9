package th.pmqa.studio.query.model;

import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;

/** The catalog a report was written against (its version as the state records it), or the current one. */
public final class ReportCatalog {

    private ReportCatalog() {
    }

    public static Catalog of(ReportState state) {
        return Catalogs.load(state.catalogVersion).orElseGet(Catalogs::current);
    }
}
