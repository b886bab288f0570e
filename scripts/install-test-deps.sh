#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, idempotently:
#   - Debian's Jupyter pieces (nbconvert, nbclient, ipykernel) to execute the notebooks,
#   - Debian's Chromium for the headless browser tests (driven by playwright-core),
#   - the tslab TypeScript kernel, registered against Debian's python3.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# tslab's kernel starts `tslab` from PATH, so the project's node_modules/.bin must be on it.
export PATH="$PWD/node_modules/.bin:$PATH"
if ! jupyter kernelspec list 2>/dev/null | grep -q '^ *tslab '; then
  npx tslab install --python=/usr/bin/python3
fi
echo "test dependencies ready: $(jupyter nbconvert --version 2>/dev/null | head -1) nbconvert, $(/usr/bin/chromium --version 2>/dev/null)"
