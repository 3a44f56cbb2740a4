package dev.notary4j.tuf.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.json.CanonicalJson;
import dev.notary4j.tuf.json.GoBase64;
import dev.notary4j.tuf.json.GoTime;
import java.util.List;
import java.util.Map;

/**
 * The "Go struct view" of a record (tuf-client.md §1.9): exactly the members notary's structs have,
 * {@code "private":null} in keys, {@code omitempty} only on {@code paths} and {@code custom}, {@code delegations}
 * always present, nil written as null. {@code custom} is put in the form the verifier will see (numbers through
 * float64), so that what we sign is what a Go verifier re-computes.
 */
final class StructView {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StructView() {
    }

    static ObjectNode of(SignedBody body) {
        ObjectNode o = F.objectNode();
        o.put("_type", body.type());
        o.put("expires", GoTime.format(body.expires()));
        o.put("version", body.version());
        if (body instanceof Root root) {
            o.put("consistent_snapshot", root.consistentSnapshot());
            o.set("keys", keys(root.keys()));
            ObjectNode roles = o.putObject("roles");
            root.roles().forEach((name, role) -> {
                ObjectNode r = roles.putObject(name);
                r.set("keyids", strings(role.keyIds()));
                r.put("threshold", role.threshold());
            });
        } else if (body instanceof Targets targets) {
            o.set("targets", files(targets.targets()));
            ObjectNode d = o.putObject("delegations");
            d.set("keys", keys(targets.delegations().keys()));
            List<DelegatedRole> roles = targets.delegations().roles();
            if (roles == null) {
                d.putNull("roles");
            } else {
                ArrayNode array = d.putArray("roles");
                roles.forEach(role -> array.add(delegatedRole(role)));
            }
        } else if (body instanceof Snapshot snapshot) {
            o.set("meta", files(snapshot.meta()));
        } else if (body instanceof Timestamp timestamp) {
            o.set("meta", files(timestamp.meta()));
        }
        return o;
    }

    private static ObjectNode delegatedRole(DelegatedRole role) {
        ObjectNode r = F.objectNode();
        r.set("keyids", strings(role.keyIds()));
        r.put("name", role.name());
        if (!role.paths().isEmpty()) {
            r.set("paths", strings(role.paths()));
        }
        r.put("threshold", role.threshold());
        return r;
    }

    private static JsonNode strings(List<String> values) {
        if (values == null) {
            return F.nullNode();
        }
        ArrayNode array = F.arrayNode(values.size());
        values.forEach(array::add);
        return array;
    }

    private static JsonNode keys(Map<String, TufKey> keys) {
        if (keys == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        keys.forEach((id, key) -> {
            ObjectNode k = o.putObject(id);
            k.put("keytype", key.keyType());
            ObjectNode value = k.putObject("keyval");
            value.putNull("private");
            value.put("public", GoBase64.encode(key.publicBytes()));
        });
        return o;
    }

    private static ObjectNode files(Map<String, FileMeta> files) {
        ObjectNode o = F.objectNode();
        files.forEach((name, meta) -> {
            ObjectNode m = o.putObject(name);
            JsonNode custom = meta.custom();
            if (custom != null) {
                m.set("custom", CanonicalJson.asGoMapValue(custom));
            }
            ObjectNode hashes = m.putObject("hashes");
            meta.hashes().forEach((alg, digest) -> hashes.put(alg, GoBase64.encode(digest)));
            m.put("length", meta.length());
        });
        return o;
    }
}
