package dev.notary4j.tuf.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Unmodifiable, order-keeping copies for record components. */
final class Maps {
    private Maps() {
    }

    static <V> Map<String, V> copy(Map<String, V> map, String what) {
        Map<String, V> copy = new LinkedHashMap<>(Objects.requireNonNull(map, what));
        copy.forEach((k, v) -> Objects.requireNonNull(v, () -> what + " entry " + k));
        return Collections.unmodifiableMap(copy);
    }

    static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    static <V> Map<String, V> without(Map<String, V> map, String key) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }
}
