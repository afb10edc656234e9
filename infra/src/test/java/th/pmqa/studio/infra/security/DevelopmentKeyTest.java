package th.pmqa.studio.infra.security;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondStartReadsTheKeyTheFirstStartCreated() {
        byte[] first = DevelopmentKey.loadOrCreate(dataDir);
        byte[] second = DevelopmentKey.loadOrCreate(dataDir);

        assertThat(first).hasSize(32);
        assertThat(second).isEqualTo(first);
    }

    // Both services and the token tool create the key on a fresh data folder at the same moment; a service that kept
    // a key of its own would refuse every token the other one accepts.
    @RepeatedTest(5)
    void startersRacingOnAFreshDataFolderAllEndWithOneKeyAndLeaveNoTemporaryFile() throws Exception {
        int starters = 12;
        CyclicBarrier together = new CyclicBarrier(starters);
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        try {
            List<Future<String>> keys = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                keys.add(pool.submit(() -> {
                    together.await();
                    return Base64.getEncoder().encodeToString(DevelopmentKey.loadOrCreate(dataDir));
                }));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> key : keys) {
                distinct.add(key.get());
            }

            assertThat(distinct).hasSize(1);
            assertThat(Base64.getEncoder().encodeToString(DevelopmentKey.loadOrCreate(dataDir)))
                    .isEqualTo(distinct.iterator().next());
            try (Stream<Path> files = Files.list(dataDir)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly(DevelopmentKey.FILE_NAME);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
