package dev.notary4j.wrapper.admission;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference {@code name[:tag][@sha256:hex]}; the GUN is the name as written (a registry port is
 * part of it, unlike the original policies' split on the first colon). No tag and no digest means {@code latest}.
 */
public record ImageReference(String image, String gun, Optional<String> tag, Optional<String> sha256Hex) {
    private static final Pattern HEX = Pattern.compile("^[0-9a-f]{64}$");

    public static ImageReference parse(String image) {
        String name = image;
        Optional<String> digest = Optional.empty();
        int at = image.indexOf('@');
        if (at >= 0) {
            String algorithmAndHex = image.substring(at + 1);
            if (!algorithmAndHex.startsWith("sha256:") || !HEX.matcher(algorithmAndHex.substring(7)).matches()) {
                throw new IllegalArgumentException("unsupported digest in image " + image);
            }
            digest = Optional.of(algorithmAndHex.substring(7));
            name = image.substring(0, at);
        }
        Optional<String> tag = Optional.empty();
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = Optional.of(name.substring(colon + 1));
            name = name.substring(0, colon);
        }
        if (name.isEmpty() || tag.map(String::isEmpty).orElse(false)) {
            throw new IllegalArgumentException("invalid image reference " + image);
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            tag = Optional.of("latest");
        }
        return new ImageReference(image, name, tag, digest);
    }

    /** {@code gun@sha256:hex}: the image pinned to a digest. */
    public static String pinned(String gun, String hex) {
        return gun + "@sha256:" + hex;
    }
}
