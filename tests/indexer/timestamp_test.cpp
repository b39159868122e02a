// Revision timestamps: the forms `fetched_at` and --as-of take, one canonical UTC form out.
#include "indexer/timestamp.h"

#include <doctest/doctest.h>

using algreg::indexer::utc_timestamp;

TEST_CASE("dates and date-times become one UTC form") {
    CHECK(utc_timestamp("2026-08-08") == "2026-08-08T00:00:00Z");
    CHECK(utc_timestamp("2026-08-08T06:20:11Z") == "2026-08-08T06:20:11Z"); // the listing's form
    CHECK(utc_timestamp("2026-08-08T06:20:11.123456Z") == "2026-08-08T06:20:11Z");
    CHECK(utc_timestamp("2026-08-08 06:20") == "2026-08-08T06:20:00Z");
    CHECK(utc_timestamp("2026-08-08T01:30:00+02:00") == "2026-08-07T23:30:00Z");
    CHECK(utc_timestamp("2026-12-31T23:30:00-01:00") == "2027-01-01T00:30:00Z");
}

TEST_CASE("anything else is not a timestamp") {
    for (const char* bad : {"", "2026-8-8", "08-08-2026", "2026-02-30", "2026-13-01", "yesterday",
                            "2026-08-08T24:00:00Z", "2026-08-08T06:20:11 Z", "2026-08-08T06",
                            "2026-08-08T06:20:11+2", "2026-08-08T06:20:11.Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(utc_timestamp(bad).has_value());
    }
}

TEST_CASE("the current time has the same form") {
    const auto now = algreg::indexer::current_utc_timestamp();
    CHECK(utc_timestamp(now) == now);
}
