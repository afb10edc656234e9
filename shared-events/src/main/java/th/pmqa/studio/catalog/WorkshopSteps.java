package th.pmqa.studio.catalog;

import java.util.List;

/**
 * The two steps the workshop forms ask for on every sub-criterion: Step-1 ("วิเคราะห์เกณฑ์และคำถาม", the related OP
 * items, the related results, a draft per level) and Step-2 (the overall account and the level reached). Their
 * wording is a placeholder for the Step-1 analysis and the summary where a sub-criterion has no prompt of its own.
 */
public record WorkshopSteps(List<String> stepOne, String stepTwo) {

    public static final WorkshopSteps NONE = new WorkshopSteps(List.of(), "");

    public WorkshopSteps {
        stepOne = stepOne == null ? List.of() : List.copyOf(stepOne);
        stepTwo = stepTwo == null ? "" : stepTwo;
    }
}
