{{/* Object name prefix: the release name unless fullnameOverride is set. */}}
{{- define "notary4j.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "notary4j.serverName" -}}{{ include "notary4j.fullname" . }}-notary-server{{- end -}}
{{- define "notary4j.signerName" -}}{{ include "notary4j.fullname" . }}-notary-signer{{- end -}}
{{- define "notary4j.wrapperName" -}}{{ include "notary4j.fullname" . }}-notary-wrapper{{- end -}}
{{- define "notary4j.postgresqlName" -}}{{ include "notary4j.fullname" . }}-postgresql{{- end -}}

{{- define "notary4j.labels" -}}
app.kubernetes.io/part-of: notary4j
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* selector labels; call with (list $ "component") */}}
{{- define "notary4j.selector" -}}
app.kubernetes.io/name: notary4j
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{/* image reference; call with (list $ repository) */}}
{{- define "notary4j.image" -}}
{{- $ := index . 0 -}}
{{ $.Values.image.registry }}{{ index . 1 }}:{{ default $.Chart.AppVersion $.Values.image.tag }}
{{- end -}}

{{/* Whether the migrations Job runs (then the services start with storage.migrate false). */}}
{{- define "notary4j.migrationsJob" -}}
{{- if and .Values.migrations.enabled (not .Values.postgresql.enabled) }}true{{ end -}}
{{- end -}}

{{/*
storage.db_url for a service, as environment variables (notary's NOTARY_SERVER_/NOTARY_SIGNER_ overrides), never
in a ConfigMap. Call with (list $ "SERVER"|"SIGNER" urlKey).
*/}}
{{- define "notary4j.databaseEnv" -}}
{{- $ := index . 0 -}}
{{- $prefix := index . 1 -}}
{{- if $.Values.postgresql.enabled }}
- name: NOTARY4J_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "notary4j.postgresqlName" $ }}
      key: password
- name: NOTARY_{{ $prefix }}_STORAGE_DB_URL
  value: "postgres://notary:$(NOTARY4J_DB_PASSWORD)@{{ include "notary4j.postgresqlName" $ }}:5432/notary?sslmode=disable"
{{- else }}
- name: NOTARY_{{ $prefix }}_STORAGE_DB_URL
  valueFrom:
    secretKeyRef:
      name: {{ required "database.existingSecret is required (or set postgresql.enabled)" $.Values.database.existingSecret }}
      key: {{ index . 2 }}
{{- end }}
{{- end -}}

{{/* The writable volumes every JVM container needs with a read-only root filesystem. */}}
{{- define "notary4j.tmpVolume" -}}
- name: tmp
  emptyDir: {}
{{- end -}}
