#!/bin/sh
# InfluxDB 2.x: the buckets receiver-service writes rollups to. A bucket named db/rp is
# InfluxQL's database "db" with retention policy "rp"; raw checks go to pepper/autogen,
# created by DOCKER_INFLUXDB_INIT_BUCKET.
set -e
influx bucket create --name pepper/pepper_hourly --retention 400d --org "$DOCKER_INFLUXDB_INIT_ORG"
influx bucket create --name pepper/pepper_daily --retention 1825d --org "$DOCKER_INFLUXDB_INIT_ORG"
