# The kct mutating policy's call to notary-wrapper, unchanged in shape: POST /list {"GUN","Tag","notaryServer"}
# and read output.body.Digest (bare hex). Images are split on the last ':' after the last '/', so registry ports work.
package policy.mutating

wrapper_url := "https://notary-wrapper-svc.opa.svc:4445/list"

notary_server := "notary-server-svc.notary.svc:4443"

digest_of(gun, tag) = digest {
  output := http.send({
    "method": "POST",
    "url": wrapper_url,
    "headers": {"Content-Type": "application/json"},
    "body": {"GUN": gun, "Tag": tag, "notaryServer": notary_server},
    "tls_ca_cert_file": "/etc/certs/notary/root-ca.crt",
    "raise_error": false
  })
  output.status_code == 200
  digest := output.body.Digest
}

patch[p] {
  input.request.kind.kind == "Pod"
  container := input.request.object.spec.containers[i]
  not contains(container.image, "@sha256:")
  parts := regex.find_all_string_submatch_n(`^(.*/)?([^:/]+)(:([^:/]+))?$`, container.image, 1)[0]
  gun := concat("", [parts[1], parts[2]])
  tag := parts[4]
  digest := digest_of(gun, tag)
  p := {"op": "replace", "path": sprintf("/spec/containers/%d/image", [i]), "value": sprintf("%s@sha256:%s", [gun, digest])}
}
