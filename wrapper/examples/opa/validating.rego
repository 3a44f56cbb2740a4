# The kct validating policy's call to notary-wrapper: POST /verify {"GUN","SHA","notaryServer"}; only
# output.status_code is read (200 = signed digest).
package policy.validating

wrapper_url := "https://notary-wrapper-svc.opa.svc:4445/verify"

notary_server := "notary-server-svc.notary.svc:4443"

deny[msg] {
  input.request.kind.kind == "Pod"
  image := input.request.object.spec.containers[_].image
  not contains(image, "@sha256:")
  msg := sprintf("%s contains tag; only images with checksum are allowed", [image])
}

deny[msg] {
  input.request.kind.kind == "Pod"
  image := input.request.object.spec.containers[_].image
  parts := split(image, "@sha256:")
  count(parts) == 2
  output := http.send({
    "method": "POST",
    "url": wrapper_url,
    "headers": {"Content-Type": "application/json"},
    "body": {"GUN": parts[0], "SHA": parts[1], "notaryServer": notary_server},
    "tls_ca_cert_file": "/etc/certs/notary/root-ca.crt",
    "raise_error": false
  })
  output.status_code != 200
  msg := sprintf("No trust data found for the following image: %s", [image])
}
