package th.pmqa.studio.catalog;

/** The score range of one development level, e.g. Basic 300–399. */
public record ScoreBand(LevelKind level, int min, int max, String nameThai, String nameEnglish, String description) {
    public boolean contains(int score) {
        return score >= min && score <= max;
    }
}
