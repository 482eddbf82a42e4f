#!/usr/bin/env python3
"""Offline checks of deploy/ that need Python: settings files and rendered
Kubernetes manifests. Run by .ci/validate-deploy.sh in a virtualenv with
kubernetes-validate and PyYAML; prints one line per finding and exits 1 on
any error.

  validate_deploy.py config
      deploy/baocao.example.toml has every key of
      crates/config/src/defaults.toml with the same default and names its
      BAOCAO__SECTION__KEY variable; the other settings files and the
      BAOCAO__* variables in compose and Kubernetes name only known settings.

  validate_deploy.py k8s OVERLAY RENDERED.yaml KEDA_OUT.json
      Every object of a `kubectl kustomize` output: built-in kinds against
      the Kubernetes schemas (strict: unknown fields are errors) of each
      version in K8S_VERSIONS; KEDA objects are written to KEDA_OUT.json for
      the Node validator; RabbitmqCluster and CloudNativePG Cluster are
      listed as skipped (no schema from PyPI, npm or Debian). Then baocao's
      own rules: probes, resources, security contexts, and references between
      objects (Secrets, ConfigMaps, selectors, scale targets) that resolve.

  validate_deploy.py selftest
      Invalid objects must be rejected, so a validator that passes
      everything is caught.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

import yaml
from kubernetes_validate import utils as kv

ROOT = Path(__file__).resolve().parent.parent
# The oldest Kubernetes baocao supports (native gRPC probes are GA since
# 1.27) and a current one.
K8S_VERSIONS = ["1.29.0", "1.33.0"]

# Custom resources without a schema obtainable offline from PyPI, npm or
# Debian: their CRDs are published only in the operators' own releases.
SKIPPED_KINDS = {
    ("rabbitmq.com", "RabbitmqCluster"): "RabbitMQ Cluster Operator's CRD is "
    "not published on PyPI, npm or Debian",
    ("postgresql.cnpg.io", "Cluster"): "CloudNativePG's CRD is not published "
    "on PyPI, npm or Debian",
}
KEDA_GROUP = "keda.sh"

# Secrets the manifests read that other parties create, per overlay.
EXTERNAL_SECRETS = {
    "base": {"baocao-db-app", "baocao-amqp", "baocao-clients"},
    "dev": {"baocao-db-app"},
    "prod": {"baocao-db-app", "baocao-amqp", "baocao-clients"},
}

errors: list[str] = []


def error(msg: str) -> None:
    errors.append(msg)
    print(f"ERROR {msg}")


def info(msg: str) -> None:
    print(f"  {msg}")


# ---------------------------------------------------------------- settings


def flatten(table: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for k, v in table.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out


def env_name(key: str) -> str:
    section, name = key.split(".", 1)
    return f"BAOCAO__{section.upper()}__{name.upper()}"


def check_clients(where: str, clients: object) -> None:
    if not isinstance(clients, list):
        error(f"{where}: auth.clients must be a list of tables")
        return
    for c in clients:
        if not isinstance(c, dict) or set(c) != {"name", "token_sha256", "scopes"}:
            error(f"{where}: an auth.clients entry needs exactly name, token_sha256, scopes: {c!r}")
            continue
        if not re.fullmatch(r"[0-9a-f]{64}", str(c["token_sha256"])):
            error(f"{where}: client {c['name']!r}: token_sha256 must be 64 lowercase hex digits")
        bad = [s for s in c["scopes"] if s not in ("read", "submit")]
        if bad:
            error(f"{where}: client {c['name']!r}: unknown scopes {bad}")


def check_settings_file(path: Path, known: set[str], text: str | None = None) -> None:
    where = str(path.relative_to(ROOT))
    try:
        data = tomllib.loads(text if text is not None else path.read_text())
    except tomllib.TOMLDecodeError as e:
        error(f"{where}: not TOML: {e}")
        return
    clients = data.get("auth", {}).pop("clients", None)
    if clients is not None:
        check_clients(where, clients)
    for key in flatten(data):
        if key not in known:
            error(f"{where}: {key} is not a setting (crates/config/src/defaults.toml)")


def check_config() -> None:
    defaults_path = ROOT / "crates/config/src/defaults.toml"
    example_path = ROOT / "deploy/baocao.example.toml"
    defaults_raw = tomllib.loads(defaults_path.read_text())
    defaults = flatten(defaults_raw)
    example_text = example_path.read_text()
    example = flatten(tomllib.loads(example_text))
    # metrics.addr has a default per program (set in code, not in
    # defaults.toml); the example documents it commented out.
    known = set(defaults) | {"metrics.addr"}

    for section in defaults_raw:
        if not re.search(rf"^\[{re.escape(section)}\]", example_text, re.M):
            error(f"deploy/baocao.example.toml: section [{section}] missing")
    for key, value in defaults.items():
        if key not in example:
            error(f"deploy/baocao.example.toml: {key} missing (default {value!r})")
        elif example[key] != value:
            error(
                f"deploy/baocao.example.toml: {key} = {example[key]!r}, "
                f"but its default is {value!r}"
            )
    for key in sorted(known):
        if not re.search(rf"env: {env_name(key)}\b", example_text):
            error(f"deploy/baocao.example.toml: no 'env: {env_name(key)}' line for {key}")
    for key in example:
        if key not in known:
            error(f"deploy/baocao.example.toml: {key} is not in defaults.toml")
    info(f"example settings: {len(defaults)} defaults present, equal and documented")

    base = ROOT / "deploy/k8s/base/baocao.toml"
    check_settings_file(base, known)
    if "auth" in tomllib.loads(base.read_text()):
        error("deploy/k8s/base/baocao.toml: keep [auth] out; the query pods append baocao-clients")
    for clients in sorted((ROOT / "deploy/k8s").rglob("clients.toml")):
        # What the query pods run with: the ConfigMap's file, then the Secret's.
        check_settings_file(clients, known, base.read_text() + "\n" + clients.read_text())
    check_settings_file(ROOT / "deploy/compose/baocao.toml", known)

    env_re = re.compile(r"\bBAOCAO__([A-Z0-9_]+?)__([A-Z0-9_]+)\b")
    files = [ROOT / "deploy/compose/docker-compose.yml", ROOT / "deploy/Dockerfile"]
    files += sorted((ROOT / "deploy/k8s").rglob("*.yaml"))
    files += sorted((ROOT / "deploy/local").glob("*.sh"))
    seen = 0
    for f in files:
        for m in env_re.finditer(f.read_text()):
            seen += 1
            key = f"{m.group(1).lower()}.{m.group(2).lower()}"
            if key not in known:
                error(f"{f.relative_to(ROOT)}: {m.group(0)} is not a setting")
    info(f"settings files and {seen} BAOCAO__* variables name known settings")


# -------------------------------------------------------------- kubernetes


def group_of(doc: dict) -> str:
    api = doc.get("apiVersion", "")
    return api.split("/")[0] if "/" in api else ""


def validate_builtin(doc: dict, where: str) -> bool:
    for version in K8S_VERSIONS:
        try:
            kv.validate(doc, version, strict=True)
        except kv.ValidationError as e:
            path = ".".join(str(p) for p in e.path)
            error(f"{where}: against Kubernetes {e.version}: {path}: {e.message}")
            return False
        except kv.SchemaNotFoundError:
            error(f"{where}: no schema for {doc['apiVersion']} {doc['kind']} in Kubernetes {version}")
            return False
    return True


def pod_spec(doc: dict) -> dict | None:
    if doc["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"):
        return doc["spec"]["template"]["spec"]
    return None


def check_workload(doc: dict, where: str) -> None:
    spec = pod_spec(doc)
    if spec is None:
        return
    psc = spec.get("securityContext", {})
    if psc.get("runAsNonRoot") is not True:
        error(f"{where}: pod securityContext.runAsNonRoot must be true")
    if psc.get("seccompProfile", {}).get("type") != "RuntimeDefault":
        error(f"{where}: pod securityContext.seccompProfile.type must be RuntimeDefault")
    if spec.get("automountServiceAccountToken") is not False:
        error(f"{where}: automountServiceAccountToken must be false")
    if doc["kind"] == "Deployment" and "replicas" in doc["spec"]:
        error(f"{where}: replicas is set, but an HPA or KEDA owns it")
    every = [("initContainers", c) for c in spec.get("initContainers", [])]
    every += [("containers", c) for c in spec.get("containers", [])]
    for kind, c in every:
        cw = f"{where} {kind[:-1]} {c['name']}"
        sc = c.get("securityContext", {})
        if sc.get("allowPrivilegeEscalation") is not False:
            error(f"{cw}: allowPrivilegeEscalation must be false")
        if sc.get("readOnlyRootFilesystem") is not True:
            error(f"{cw}: readOnlyRootFilesystem must be true")
        if "ALL" not in sc.get("capabilities", {}).get("drop", []):
            error(f"{cw}: capabilities.drop must include ALL")
        res = c.get("resources", {})
        for part in ("requests", "limits"):
            for r in ("cpu", "memory"):
                if r not in res.get(part, {}):
                    error(f"{cw}: resources.{part}.{r} missing")
        if kind == "containers":
            for probe in ("livenessProbe", "readinessProbe"):
                if probe not in c:
                    error(f"{cw}: {probe} missing")
            if c["name"] == "query":
                for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
                    if "grpc" not in c.get(probe, {}):
                        error(f"{cw}: {probe} must be a native gRPC probe")


def references(doc: dict) -> tuple[set[str], set[str]]:
    """Secrets and ConfigMaps a pod template reads."""
    secrets: set[str] = set()
    configmaps: set[str] = set()
    spec = pod_spec(doc)
    if spec is None:
        return secrets, configmaps
    for v in spec.get("volumes", []):
        if "secret" in v:
            secrets.add(v["secret"]["secretName"])
        if "configMap" in v:
            configmaps.add(v["configMap"]["name"])
    for c in spec.get("containers", []) + spec.get("initContainers", []):
        for e in c.get("env", []):
            src = e.get("valueFrom", {})
            if "secretKeyRef" in src:
                secrets.add(src["secretKeyRef"]["name"])
            if "configMapKeyRef" in src:
                configmaps.add(src["configMapKeyRef"]["name"])
        for ef in c.get("envFrom", []):
            if "secretRef" in ef:
                secrets.add(ef["secretRef"]["name"])
            if "configMapRef" in ef:
                configmaps.add(ef["configMapRef"]["name"])
    return secrets, configmaps


def check_references(overlay: str, docs: list[dict]) -> None:
    by_kind: dict[str, dict[str, dict]] = {}
    for d in docs:
        by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d
    deployments = by_kind.get("Deployment", {})
    secrets = set(by_kind.get("Secret", {})) | EXTERNAL_SECRETS[overlay]
    configmaps = set(by_kind.get("ConfigMap", {}))
    for name, d in deployments.items():
        s, c = references(d)
        for x in sorted(s - secrets):
            error(f"{overlay}: Deployment {name} reads Secret {x}, which nothing makes")
        for x in sorted(c - configmaps):
            error(f"{overlay}: Deployment {name} reads ConfigMap {x}, which nothing makes")
        sel = d["spec"]["selector"]["matchLabels"]
        labels = d["spec"]["template"]["metadata"].get("labels", {})
        if any(labels.get(k) != v for k, v in sel.items()):
            error(f"{overlay}: Deployment {name}: the selector does not match the pod labels")

    def selects(selector: dict) -> bool:
        return any(
            all(
                d["spec"]["template"]["metadata"].get("labels", {}).get(k) == v
                for k, v in selector.items()
            )
            for d in deployments.values()
        )

    for name, svc in by_kind.get("Service", {}).items():
        if not selects(svc["spec"].get("selector", {})):
            error(f"{overlay}: Service {name} selects no pods")
    for name, pdb in by_kind.get("PodDisruptionBudget", {}).items():
        if not selects(pdb["spec"]["selector"].get("matchLabels", {})):
            error(f"{overlay}: PodDisruptionBudget {name} selects no pods")
    for kind in ("HorizontalPodAutoscaler", "ScaledObject"):
        for name, o in by_kind.get(kind, {}).items():
            target = o["spec"]["scaleTargetRef"]["name"]
            if target not in deployments:
                error(f"{overlay}: {kind} {name} scales {target}, which is no Deployment")
    for name, ta in by_kind.get("TriggerAuthentication", {}).items():
        for ref in ta["spec"].get("secretTargetRef", []):
            if ref["name"] not in secrets:
                error(f"{overlay}: TriggerAuthentication {name} reads Secret {ref['name']}, which nothing makes")
    for name, so in by_kind.get("ScaledObject", {}).items():
        for t in so["spec"]["triggers"]:
            ref = t.get("authenticationRef", {}).get("name")
            if ref and ref not in by_kind.get("TriggerAuthentication", {}):
                error(f"{overlay}: ScaledObject {name} uses TriggerAuthentication {ref}, which nothing makes")
    # The query pods' settings file is the ConfigMap followed by the clients
    # Secret: check the generated pair parses and names known settings.
    for name, sec in by_kind.get("Secret", {}).items():
        if "clients.toml" in sec.get("data", {}):
            import base64

            text = base64.b64decode(sec["data"]["clients.toml"]).decode()
            try:
                check_clients(f"{overlay}: Secret {name}", tomllib.loads(text).get("auth", {}).get("clients", []))
            except tomllib.TOMLDecodeError as e:
                error(f"{overlay}: Secret {name}: clients.toml is not TOML: {e}")


def check_k8s(overlay: str, rendered: Path, keda_out: Path) -> None:
    docs = [d for d in yaml.safe_load_all(rendered.read_text()) if d]
    if not docs:
        error(f"{overlay}: the render is empty")
        return
    keda: list[dict] = []
    counts = {"validated": 0, "keda": 0, "skipped": 0}
    skipped_kinds: set[str] = set()
    for d in docs:
        for field in ("apiVersion", "kind", "metadata"):
            if field not in d:
                error(f"{overlay}: an object without {field}: {str(d)[:80]}")
                break
        else:
            where = f"{overlay}: {d['kind']} {d['metadata'].get('name', '?')}"
            group = group_of(d)
            if group == KEDA_GROUP:
                keda.append(d)
                counts["keda"] += 1
            elif (group, d["kind"]) in SKIPPED_KINDS:
                if not isinstance(d.get("spec"), dict) or not d["metadata"].get("name"):
                    error(f"{where}: needs metadata.name and a spec")
                counts["skipped"] += 1
                skipped_kinds.add(f"{d['apiVersion']} {d['kind']}")
            elif "." in group and not group.endswith(".k8s.io"):
                error(f"{where}: custom resource {d['apiVersion']} with no validator")
            else:
                if validate_builtin(d, where):
                    counts["validated"] += 1
                check_workload(d, where)
    check_references(overlay, docs)
    keda_out.write_text(json.dumps(keda))
    info(
        f"{overlay}: {len(docs)} objects: {counts['validated']} built-in valid "
        f"(strict, Kubernetes {' and '.join(v[:4] for v in K8S_VERSIONS)}), "
        f"{counts['keda']} KEDA (checked next), {counts['skipped']} skipped"
    )
    for k in sorted(skipped_kinds):
        group = k.split("/")[0]
        reason = next(r for (g, _), r in SKIPPED_KINDS.items() if g == group)
        print(f"  SKIPPED {overlay}: {k}: not validated against a schema: {reason}")


def selftest() -> None:
    bad = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "bad"},
        "spec": {
            "replicas": "two",
            "selector": {"matchLabels": {"a": "b"}},
            "template": {
                "metadata": {"labels": {"a": "b"}},
                "spec": {"containers": [{"name": "c", "image": "x", "imagePort": 1}]},
            },
        },
    }
    for version in K8S_VERSIONS:
        try:
            kv.validate(bad, version, strict=True)
        except kv.ValidationError:
            continue
        error(f"selftest: kubernetes-validate {version} accepted an invalid Deployment")
    unknown = json.loads(json.dumps(bad))
    unknown["spec"]["replicas"] = 2
    try:
        kv.validate(unknown, K8S_VERSIONS[-1], strict=True)
        error("selftest: strict validation accepted the unknown field imagePort")
    except kv.ValidationError:
        pass
    if not errors:
        info("selftest: invalid and unknown fields are rejected")


def main(argv: list[str]) -> int:
    if argv[:1] == ["config"]:
        check_config()
    elif argv[:1] == ["k8s"] and len(argv) == 4:
        check_k8s(argv[1], Path(argv[2]), Path(argv[3]))
    elif argv[:1] == ["selftest"]:
        selftest()
    else:
        print(__doc__)
        return 2
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
