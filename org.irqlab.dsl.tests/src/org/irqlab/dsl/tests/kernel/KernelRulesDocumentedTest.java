package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.irqlab.kernel.KernelRule;
import org.junit.jupiter.api.Test;

/** docs/kernels.md's rule table and the code's one list of rules say the same. */
class KernelRulesDocumentedTest {

    @Test
    void everyRuleHasItsRowWithCommitAndFirstRelease() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../docs/kernels.md"));
        for (KernelRule rule : KernelRule.values()) {
            String row = lines.stream().filter(l -> l.startsWith("| " + rule.id() + " |")).findFirst().orElse(null);
            assertTrue(row != null, rule.id() + " has no row in docs/kernels.md");
            assertTrue(row.contains(rule.firstReleaseText()), rule.id() + ": " + row);
            String commit = rule.commit().split(",")[0].strip();
            assertTrue(commit.startsWith("(") || row.contains(commit), rule.id() + " names " + commit + ": " + row);
        }
    }
}
