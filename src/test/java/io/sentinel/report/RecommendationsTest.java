package io.sentinel.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.FailureClass;
import io.sentinel.report.Recommendations.Recommendation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table is fixed and documented: docs/reports.md and the code say the same, and every class has a line. */
class RecommendationsTest {

    @Test
    void everyFailureClassHasItsOwnLine() {
        for (FailureClass failureClass : FailureClass.values()) {
            assertThat(Recommendations.forFailure(failureClass, "anything").codes()).as(failureClass.name()).isEmpty();
        }
    }

    @Test
    void aProviderCodeInTheMessageSelectsItsOwnLine() {
        Recommendation workerLimit = Recommendations.forFailure(FailureClass.HTTP_5XX, "HTTP 546: WORKER_LIMIT");

        assertThat(workerLimit.advice()).startsWith("Give the edge function more resources");
        assertThat(Recommendations.forFailure(FailureClass.HTTP_5XX, "HTTP 546 worker_resource_limit").codes())
                .contains("WORKER_RESOURCE_LIMIT");
        assertThat(Recommendations.forFailure(FailureClass.HTTP_5XX, "HTTP 503").codes()).isEmpty();
        assertThat(Recommendations.forFailure(FailureClass.TIMEOUT, "WORKER_LIMIT").failureClass())
                .isEqualTo(FailureClass.TIMEOUT);
    }

    @Test
    void theDocumentedTableIsTheTableInUse() throws IOException {
        String docs = Files.readString(Path.of("docs/reports.md"));
        String table = docs.substring(docs.indexOf("| failure class | provider codes | look first at |"));
        List<String> documented = table.lines().skip(2).takeWhile(line -> line.startsWith("|")).toList();

        List<String> inUse = Recommendations.table().stream()
                .map(line -> "| " + line.failureClass() + " | " + String.join(", ", line.codes()) + " | " + line.advice() + " |")
                .toList();

        assertThat(documented.stream().map(RecommendationsTest::normalised).toList())
                .containsExactlyElementsOf(inUse.stream().map(RecommendationsTest::normalised).toList());
        assertThat(Arrays.stream(FailureClass.values()).map(Enum::name).toList())
                .allSatisfy(name -> assertThat(documented).anySatisfy(line -> assertThat(line).startsWith("| " + name + " |")));
    }

    private static String normalised(String row) {
        return row.replaceAll("\\s+", " ");
    }
}
