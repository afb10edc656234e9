package th.pmqa.studio.query.view;

/** How much of the Organizational Profile is written: items drafted of all, questions answered as a whole of all. */
public record ProfileCompletenessView(int answered, int drafted, int questions, int total) {
}
