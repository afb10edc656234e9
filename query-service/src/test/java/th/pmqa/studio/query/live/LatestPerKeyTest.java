package th.pmqa.studio.query.live;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class LatestPerKeyTest {

    record Update(String key, int version) {
    }

    private static Flux<Update> conflated(TestPublisher<Update> source) {
        return LatestPerKey.conflate(source.flux(), Update::key);
    }

    @Test
    void rapidUpdatesOfOneKeyAreConflatedToTheNewest() {
        TestPublisher<Update> source = TestPublisher.create();

        StepVerifier.create(conflated(source), 0)
                    .then(() -> source.next(new Update("a", 1), new Update("a", 2), new Update("a", 3)))
                    .thenRequest(1)
                    .expectNext(new Update("a", 3))
                    .then(() -> source.next(new Update("a", 4), new Update("a", 5)))
                    .thenRequest(1)
                    .expectNext(new Update("a", 5))
                    .thenCancel()
                    .verify(Duration.ofSeconds(5));
    }

    /** A subscriber that requests only when the test says so, from the test thread, never from inside onNext. */
    static final class Slow extends BaseSubscriber<Update> {
        final List<Update> received = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        @Override
        protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
        }

        @Override
        protected void hookOnNext(Update value) {
            received.add(value);
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            failure.set(throwable);
        }
    }

    @Test
    void otherKeysAreNotLostAndComeNewestLast() {
        TestPublisher<Update> source = TestPublisher.create();
        Slow slow = new Slow();
        conflated(source).subscribe(slow);

        source.next(new Update("a", 1), new Update("b", 1), new Update("c", 1), new Update("a", 2), new Update("b", 2));
        assertThat(slow.received).isEmpty();
        slow.request(1);
        assertThat(slow.received).containsExactly(new Update("c", 1));
        slow.request(1);
        assertThat(slow.received).containsExactly(new Update("c", 1), new Update("a", 2));

        source.next(new Update("d", 1), new Update("b", 3));
        slow.request(1);
        slow.request(1);
        assertThat(slow.received).containsExactly(new Update("c", 1), new Update("a", 2),
                                                  new Update("d", 1), new Update("b", 3));
        slow.request(5);
        assertThat(slow.received).hasSize(4);
        source.next(new Update("e", 1));
        assertThat(slow.received).endsWith(new Update("e", 1));
        assertThat(slow.failure.get()).isNull();
        slow.dispose();
    }

    @Test
    void rapidUpdatesBetweenTwoRequestsOfASlowSubscriberAreConflated() {
        TestPublisher<Update> source = TestPublisher.create();
        Slow slow = new Slow();
        conflated(source).subscribe(slow);

        for (int round = 1; round <= 3; round++) {
            for (int v = 0; v < 100; v++) {
                source.next(new Update("a", round * 100 + v), new Update("b", round * 100 + v));
            }
            slow.request(1);
            slow.request(1);
        }

        assertThat(slow.received).containsExactly(new Update("a", 199), new Update("b", 199),
                                                  new Update("a", 299), new Update("b", 299),
                                                  new Update("a", 399), new Update("b", 399));
        assertThat(slow.failure.get()).isNull();
        slow.dispose();
    }

    @Test
    void aSubscriberThatKeepsUpGetsEveryUpdate() {
        TestPublisher<Update> source = TestPublisher.create();

        StepVerifier.create(conflated(source))
                    .then(() -> source.next(new Update("a", 1)))
                    .expectNext(new Update("a", 1))
                    .then(() -> source.next(new Update("a", 2)))
                    .expectNext(new Update("a", 2))
                    .then(() -> source.next(new Update("b", 1)))
                    .expectNext(new Update("b", 1))
                    .thenCancel()
                    .verify(Duration.ofSeconds(5));
    }

    @Test
    void nothingIsEmittedWithoutDemandAndNoOverflowErrorIsRaised() {
        TestPublisher<Update> source = TestPublisher.create();

        StepVerifier.create(conflated(source), 0)
                    .then(() -> {
                        for (int i = 0; i < 10_000; i++) {
                            source.next(new Update("k" + (i % 7), i));
                        }
                    })
                    .expectNoEvent(Duration.ofMillis(50))
                    .thenRequest(7)
                    .expectNext(new Update("k4", 9_993), new Update("k5", 9_994), new Update("k6", 9_995),
                                new Update("k0", 9_996), new Update("k1", 9_997), new Update("k2", 9_998),
                                new Update("k3", 9_999))
                    .thenCancel()
                    .verify(Duration.ofSeconds(5));
    }

    @Test
    void errorsOfTheSourceArePassedOn() {
        TestPublisher<Update> source = TestPublisher.create();

        StepVerifier.create(conflated(source))
                    .then(() -> source.next(new Update("a", 1)))
                    .expectNext(new Update("a", 1))
                    .then(() -> source.error(new IllegalStateException("boom")))
                    .expectErrorMessage("boom")
                    .verify(Duration.ofSeconds(5));
    }

    @Test
    void cancellingCancelsTheSource() {
        TestPublisher<Update> source = TestPublisher.create();

        StepVerifier.create(conflated(source), 0)
                    .then(() -> source.next(new Update("a", 1)))
                    .thenCancel()
                    .verify(Duration.ofSeconds(5));

        source.assertCancelled();
    }

    @Test
    void aSourceThatCompletesWithNothingPendingCompletes() {
        StepVerifier.create(LatestPerKey.conflate(Flux.just(new Update("a", 1), new Update("b", 1)), Update::key))
                    .expectNext(new Update("a", 1), new Update("b", 1))
                    .verifyComplete();
    }

    @Test
    void pendingUpdatesAreDeliveredBeforeCompletion() {
        TestPublisher<Update> source = TestPublisher.create();

        StepVerifier.create(conflated(source), 0)
                    .then(() -> source.next(new Update("a", 1), new Update("b", 1)).complete())
                    .thenRequest(2)
                    .expectNext(new Update("a", 1), new Update("b", 1))
                    .verifyComplete();
    }

    @Test
    void aSlowSubscriberOnAnotherThreadGetsTheNewestOfEveryKeyWithoutOverflow() throws Exception {
        Sinks.Many<Update> source = Sinks.many().multicast().directBestEffort();
        ExecutorService consumer = Executors.newSingleThreadExecutor();
        List<Update> received = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        try {
            BaseSubscriber<Update> slow = new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                    subscribed.countDown();
                    request(1);
                }

                @Override
                protected void hookOnNext(Update value) {
                    received.add(value);
                    consumer.execute(() -> request(1));
                }

                @Override
                protected void hookOnError(Throwable throwable) {
                    failure.set(throwable);
                }
            };
            LatestPerKey.conflate(source.asFlux(), Update::key).subscribe(slow);
            assertThat(subscribed.await(5, TimeUnit.SECONDS)).isTrue();

            int keys = 20;
            int rounds = 5_000;
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < keys; k++) {
                    source.emitNext(new Update("k" + k, round), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
                }
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> failure.get() != null
                                 || received.stream().filter(u -> u.version() == rounds - 1).count() >= keys);
            slow.dispose();

            assertThat(failure.get()).isNull();
            assertThat(received.stream().filter(u -> u.version() == rounds - 1).map(Update::key).distinct().count())
                    .isEqualTo(keys);
            for (int k = 0; k < keys; k++) {
                String key = "k" + k;
                List<Integer> versions = received.stream().filter(u -> u.key().equals(key)).map(Update::version).toList();
                assertThat(versions).as(key).isSorted();
            }
        } finally {
            consumer.shutdownNow();
        }
    }
}
