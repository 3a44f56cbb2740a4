package dev.notary4j.tuf.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.tuf.crypto.TufKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes a {@code signed} tree into the records as notary's Go structs would hold it (no structure rules). */
final class BodyDecoder {
    private final String role;

    BodyDecoder(String role) {
        this.role = role;
    }

    Root root(JsonNode signed) {
        GoStruct s = GoStruct.of(signed, "data.Root", role, "signed");
        Map<String, Role> roles = new LinkedHashMap<>();
        Map<String, JsonNode> roleNodes = s.map("roles", "map[data.RoleName]*data.RootRole");
        if (roleNodes != null) {
            roleNodes.forEach((name, node) -> {
                String path = s.child("roles") + "." + name;
                if (node.isNull()) {
                    throw new MalformedMetadataException(role, path, "data.RootRole", "null",
                            "role " + name + " is null");
                }
                GoStruct r = GoStruct.of(node, "data.RootRole", role, path);
                roles.put(name, new Role(r.stringList("keyids"), r.intField("threshold")));
            });
        }
        Map<String, TufKey> keys = keys(s.field("keys"), s.child("keys"));
        return new Root(s.time("expires"), s.intField("version"), keys == null ? Map.of() : keys, roles,
                s.bool("consistent_snapshot"));
    }

    /** The {@code _type} string, decoded as Go does before the structure rules compare it. */
    String type(JsonNode signed) {
        return GoStruct.of(signed, "data.SignedCommon", role, "signed").string("_type");
    }

    Targets targets(JsonNode signed) {
        GoStruct s = GoStruct.of(signed, "data.Targets", role, "signed");
        Map<String, FileMeta> targets = files(s.map("targets", "data.Files"), s.child("targets"));
        GoStruct d = s.struct("delegations", "data.Delegations");
        JsonNode roleArray = d.field("roles");
        List<DelegatedRole> roles = null;
        if (roleArray != null && !roleArray.isNull()) {
            if (!roleArray.isArray()) {
                throw GoStruct.typeError(role, d.child("roles"), roleArray, "[]*data.Role");
            }
            roles = new ArrayList<>();
            for (int i = 0; i < roleArray.size(); i++) {
                roles.add(delegatedRole(roleArray.get(i), d.child("roles") + "[" + i + "]"));
            }
        }
        Delegations delegations = new Delegations(keys(d.field("keys"), d.child("keys")), roles);
        return new Targets(s.time("expires"), s.intField("version"), targets, delegations);
    }

    private DelegatedRole delegatedRole(JsonNode node, String path) {
        if (node.isNull()) {
            // Go keeps a nil *Role and then dereferences it in the structure check: the request fails.
            throw new MalformedMetadataException(role, path, "data.Role", "null", "delegation role entry is null");
        }
        GoStruct r = GoStruct.of(node, "data.Role", role, path);
        return new DelegatedRole(r.string("name"), r.stringList("keyids"), r.stringList("paths"),
                r.intField("threshold"));
    }

    Snapshot snapshot(JsonNode signed) {
        GoStruct s = GoStruct.of(signed, "data.Snapshot", role, "signed");
        return new Snapshot(s.time("expires"), s.intField("version"),
                files(s.map("meta", "data.Files"), s.child("meta")));
    }

    Timestamp timestamp(JsonNode signed) {
        GoStruct s = GoStruct.of(signed, "data.Timestamp", role, "signed");
        return new Timestamp(s.time("expires"), s.intField("version"),
                files(s.map("meta", "data.Files"), s.child("meta")));
    }

    private Map<String, FileMeta> files(Map<String, JsonNode> nodes, String path) {
        Map<String, FileMeta> files = new LinkedHashMap<>();
        if (nodes != null) {
            nodes.forEach((name, node) -> files.put(name, fileMeta(node, path + "." + name)));
        }
        return files;
    }

    private FileMeta fileMeta(JsonNode node, String path) {
        GoStruct f = GoStruct.of(node, "data.FileMeta", role, path);
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        Map<String, JsonNode> hashNodes = f.map("hashes", "data.Hashes");
        if (hashNodes != null) {
            hashNodes.forEach((alg, digest) -> {
                byte[] bytes = GoStruct.bytesValue(digest, role, f.child("hashes") + "." + alg);
                hashes.put(alg, bytes == null ? new byte[0] : bytes);
            });
        }
        return new FileMeta(f.int64("length", "int64"), hashes, f.field("custom"));
    }

    /**
     * {@code data.Keys}: its own UnmarshalJSON turns JSON null into an empty map; absent stays nil (null here).
     */
    private Map<String, TufKey> keys(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        Map<String, JsonNode> nodes = GoStruct.mapValue(node, "map[string]data.TUFKey", role, path);
        Map<String, TufKey> keys = new LinkedHashMap<>();
        if (nodes != null) {
            nodes.forEach((id, keyNode) -> keys.put(id, key(keyNode, path + "." + id)));
        }
        return keys;
    }

    private TufKey key(JsonNode node, String path) {
        GoStruct k = GoStruct.of(node, "data.TUFKey", role, path);
        GoStruct value = k.struct("keyval", "data.KeyPair");
        byte[] publicBytes = value.bytes("public");
        value.bytes("private");
        return new TufKey(k.string("keytype"), publicBytes == null ? new byte[0] : publicBytes);
    }
}
