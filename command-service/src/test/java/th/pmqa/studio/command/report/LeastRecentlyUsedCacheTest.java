package th.pmqa.studio.command.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeastRecentlyUsedCacheTest {

    @Test
    void theEntryUsedLeastRecentlyMakesRoomForANewOne() {
        LeastRecentlyUsedCache cache = new LeastRecentlyUsedCache(2);
        cache.put("KKN-2567", "ขอนแก่น");
        cache.put("NMA-2567", "นครราชสีมา");
        cache.get("KKN-2567");

        cache.put("CNX-2567", "เชียงใหม่");

        assertThat(cache.containsKey("KKN-2567")).isTrue();
        assertThat(cache.containsKey("NMA-2567")).isFalse();
        assertThat(cache.containsKey("CNX-2567")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aRemovedEntryIsGoneAndPutIfAbsentKeepsWhatIsThere() {
        LeastRecentlyUsedCache cache = new LeastRecentlyUsedCache(10);
        assertThat(cache.putIfAbsent("KKN-2567", "first")).isTrue();
        assertThat(cache.putIfAbsent("KKN-2567", "second")).isFalse();
        assertThat(cache.<String, String>get("KKN-2567")).isEqualTo("first");

        assertThat(cache.remove("KKN-2567")).isTrue();

        assertThat(cache.<String, String>get("KKN-2567")).isNull();
        assertThat(cache.remove("KKN-2567")).isFalse();
    }

    @Test
    void aCacheWithoutRoomIsRefused() {
        assertThatThrownBy(() -> new LeastRecentlyUsedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
