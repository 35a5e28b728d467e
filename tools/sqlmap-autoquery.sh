#!/usr/bin/env bash
# SQL injection probe of MyApp's AutoQuery endpoints with sqlmap (Debian's package): not part of CI, run by hand
# after changes to AutoQuery, the query conventions or the dialects. See docs/security.md.
#
#   tools/sqlmap-autoquery.sh                      MyApp in Production on a fresh SQLite file
#   tools/sqlmap-autoquery.sh --postgres CONNSTR   MyApp in Production on PostgreSQL (a database it may fill)
#
# Bounded: each endpoint gets at most SQLMAP_SECONDS (default 300) at level 3, risk 2, every technique but
# stacked queries. It starts MyApp on a free loopback port, makes an admin from configuration and seeds the demo
# data, signs in, probes the endpoints below (anonymous and signed-in ones, every filter parameter plus
# orderBy/fields/include/skip/take), stops MyApp by its pid, and exits 1 if sqlmap reports anything injectable.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_ENDPOINT=${SQLMAP_SECONDS:-300}
POSTGRES=""
[ "${1:-}" = "--postgres" ] && POSTGRES=${2:?"--postgres needs a connection string"}

if ! command -v sqlmap >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "sqlmap is not installed: apt-get install sqlmap" >&2; exit 2; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sqlmap >/dev/null || exit 2
fi

WORK=$(mktemp -d /tmp/baas-sqlmap.XXXXXX)
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

dotnet build MyApp -c Release -nologo -v q >/dev/null || { echo "build failed" >&2; exit 2; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
ADMIN_EMAIL="sqlmap-admin@tools.example"
ADMIN_PASSWORD=$(openssl rand -hex 16)
if [ -n "$POSTGRES" ]; then DB="$POSTGRES"; DBMS=PostgreSQL; else DB="Data Source=$WORK/app.db"; DBMS=SQLite; fi
APP_ENV=(ASPNETCORE_ENVIRONMENT=Production PublicUrl="$URL" AllowedHosts=127.0.0.1
  ConnectionStrings__DefaultConnection="$DB" Auth__Jwt__Secret="$(openssl rand -base64 32)"
  Auth__Admin__Email="$ADMIN_EMAIL" Auth__Admin__Password="$ADMIN_PASSWORD"
  Auth__RateLimit__PermitLimit=1000000 Auth__Lockout__Enabled=false)

cd "$ROOT/MyApp"
env "${APP_ENV[@]}" dotnet bin/Release/net10.0/MyApp.dll --seed >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log"; exit 2; }
env "${APP_ENV[@]}" dotnet bin/Release/net10.0/MyApp.dll --urls "$URL" >"$WORK/app.log" 2>&1 &
APP_PID=$!
cd "$ROOT"
for _ in $(seq 1 60); do curl -fs "$URL/metadata/app.json" >/dev/null && break; sleep 1; done
TOKEN=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"provider\":\"credentials\",\"userName\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$URL/auth/credentials" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["bearerToken"])') || { echo "sign-in failed" >&2; tail -20 "$WORK/app.log"; exit 2; }

# endpoint | parameters to probe | signed in?
ENDPOINTS=(
  "/api/QueryRestaurants?cuisineContains=thai&nameContains=a&ratingGreaterThan=3&deliveryMinutesLessThan=60&orderBy=name&fields=id,name&skip=0&take=5|cuisineContains,nameContains,ratingGreaterThan,deliveryMinutesLessThan,orderBy,fields,skip,take|no"
  "/api/QueryMenuItems?nameContains=a&priceLessThan=20&orderByDesc=price&include=total|nameContains,priceLessThan,orderByDesc,include|no"
  "/api/QueryReviews?minRating=1&include=Avg(Rating)|minRating,include|no"
  "/api/AdminQueryOrders?restaurantId=1&customerId=00000000-0000-0000-0000-000000000000&status=Placed&orderBy=-id|restaurantId,customerId,status,orderBy|yes"
  "/api/AdminQueryRestaurants?nameContains=a&isOpen=true&ownerId=00000000-0000-0000-0000-000000000000|nameContains,isOpen,ownerId|yes"
)

found=0
for entry in "${ENDPOINTS[@]}"; do
  IFS='|' read -r path params signed <<<"$entry"
  headers=()
  [ "$signed" = yes ] && headers=(--headers "Authorization: Bearer $TOKEN")
  echo "== $path"
  timeout "$SECONDS_PER_ENDPOINT" sqlmap -u "$URL$path" -p "$params" "${headers[@]}" --batch --flush-session \
    --dbms="$DBMS" --level=3 --risk=2 --technique=BEUT --timeout=10 --retries=1 --time-sec=2 \
    --output-dir="$WORK/out" >"$WORK/sqlmap.log" 2>&1
  if grep -qiE "is vulnerable|sqlmap identified the following injection" "$WORK/sqlmap.log"; then
    found=1
    grep -iE "parameter|injectable|vulnerable|Type:|Payload:" "$WORK/sqlmap.log" | head -n 40
  else
    grep -iE "all tested parameters do not appear to be injectable|tested parameters" "$WORK/sqlmap.log" | tail -n 1
  fi
  if grep -q '" 500 \|HTTP error codes detected.*500' "$WORK/sqlmap.log"; then
    echo "   sqlmap saw 500 answers:"; grep -E "500" "$WORK/sqlmap.log" | head -n 5
    found=1
  fi
done

[ "$found" -eq 0 ] && echo "no injection found ($DBMS, ${#ENDPOINTS[@]} endpoints)" || echo "sqlmap found something: see above"
exit "$found"
