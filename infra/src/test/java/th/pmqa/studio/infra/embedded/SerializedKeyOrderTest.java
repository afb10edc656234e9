package th.pmqa.studio.infra.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The unique indexes' key order is H2's own: a file written by the stock backend is searched the same way. */
class SerializedKeyOrderTest {

    private final Random random = new Random(18);

    @Test
    void ordersEveryPairOfKeysAsH2sDefaultKeyTypeDoes() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(randomKey());
        }
        ObjectDataType stock = new ObjectDataType();
        SerializedKeyOrder order = new SerializedKeyOrder();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                // asked twice: the second time from the remembered bytes
                assertThat(Integer.signum(order.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(stock.compare(a, b)))
                        .isEqualTo(Integer.signum(order.compare(copy(a), b)));
            }
        }
    }

    @Test
    void ordersPositionsLikeH2AcrossTheByteBoundariesOfTheirSerializedForm() {
        ObjectDataType stock = new ObjectDataType();
        SerializedKeyOrder order = new SerializedKeyOrder();
        long[] positions = {0, 1, 127, 128, 255, 256, 32_767, 32_768, 65_535, 65_536, 1_000_000, 1L << 40, -1, -128};
        for (long a : positions) {
            for (long b : positions) {
                for (Object[] pair : new Object[][] {{(double) a, (double) b}, {a, b}}) {
                    KeyValue x = new KeyValue(pair[0]);
                    KeyValue y = new KeyValue(pair[1]);
                    assertThat(Integer.signum(order.compare(x, y))).isEqualTo(Integer.signum(stock.compare(x, y)));
                }
            }
        }
    }

    @Test
    void keysHoldingDocumentsAreSerializedEachTimeAndNotRemembered() {
        int before = SerializedKeyOrder.remembered();
        de.bwaldvogel.mongo.bson.Document ab = new de.bwaldvogel.mongo.bson.Document("a", 1.0).append("b", 2.0);
        de.bwaldvogel.mongo.bson.Document ba = new de.bwaldvogel.mongo.bson.Document("b", 2.0).append("a", 1.0);
        KeyValue first = new KeyValue(ab);
        KeyValue second = new KeyValue(ba);
        // whether two documents are equal depends on their class's equals, not on their serialized form, which is
        // what H2 orders by: they are never remembered
        SerializedKeyOrder order = new SerializedKeyOrder();
        assertThat(Integer.signum(order.compare(first, second)))
                .isEqualTo(Integer.signum(new ObjectDataType().compare(first, second))).isNotZero();
        assertThat(SerializedKeyOrder.remembered()).isLessThanOrEqualTo(before);
    }

    @Test
    void aKeyHoldingTheSameObjectTwiceIsOrderedByItsOwnBytesNotByThoseOfAnEqualKey() {
        ObjectDataType stock = new ObjectDataType();
        SerializedKeyOrder order = new SerializedKeyOrder();
        KeyValue shared = new KeyValue(Boolean.TRUE, Boolean.TRUE); // the second written as a back-reference
        @SuppressWarnings({"deprecation", "removal"})
        KeyValue distinct = new KeyValue(new Boolean(true), new Boolean(true));
        KeyValue other = new KeyValue(Boolean.TRUE, Boolean.FALSE);
        assertThat(shared).isEqualTo(distinct);
        for (KeyValue first : List.of(distinct, shared)) { // whichever is met first
            for (KeyValue key : List.of(shared, distinct)) {
                assertThat(Integer.signum(order.compare(first, other))).isEqualTo(Integer.signum(stock.compare(first, other)));
                assertThat(Integer.signum(order.compare(key, other))).as("%s", key)
                        .isEqualTo(Integer.signum(stock.compare(key, other)));
            }
        }
    }

    @Test
    void rememberingStaysBoundedWhateverTheNumberOfKeys() {
        SerializedKeyOrder order = new SerializedKeyOrder();
        KeyValue previous = new KeyValue(0.0);
        for (int i = 1; i < SerializedKeyOrder.MEMO_LIMIT * 2 + 10; i++) {
            KeyValue key = new KeyValue((double) i);
            assertThat(order.compare(previous, key)).isNegative();
            previous = key;
        }
        assertThat(SerializedKeyOrder.remembered()).isLessThanOrEqualTo(SerializedKeyOrder.MEMO_LIMIT);
    }

    private KeyValue copy(KeyValue key) {
        return new KeyValue(key.stream().toList().toArray());
    }

    private KeyValue randomKey() {
        int size = 1 + random.nextInt(2);
        Object[] values = new Object[size];
        for (int i = 0; i < size; i++) {
            values[i] = switch (random.nextInt(10)) {
                case 0 -> (double) random.nextInt(100_000) - 50;
                case 1 -> random.nextLong();
                case 2 -> random.nextInt();
                case 3 -> "สมศรี-" + random.nextInt(1000);
                case 4 -> random.nextBoolean();
                case 5 -> new ObjectId();
                case 6 -> new UUID(random.nextLong(), random.nextLong());
                case 7 -> new Date(random.nextLong() >>> 20);
                case 8 -> Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
                default -> null;
            };
        }
        return new KeyValue(values);
    }
}
