#include "yishi/domain/points_processor.h"

#include "yishi/domain/compute_then_commit.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "yishi/common/utf8.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::int64_t kMaxAward = 1'000'000;

bool validRuleName(const std::string& rule) {
    if (rule.empty() || rule.size() > 40) return false;
    return std::all_of(rule.begin(), rule.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    });
}

// The content hash of a "name version hash" identity ("" for none).
std::string hashOf(const std::string& identity) {
    const std::size_t space = identity.rfind(' ');
    return space == std::string::npos ? std::string() : identity.substr(space + 1);
}

std::string describe(UserId user, std::int64_t delta, const std::string& rule) {
    return "user " + std::to_string(user.value) + " +" + std::to_string(delta) + " " + rule;
}

// What an award comes to when `so_far` was awarded under its rule that day.
std::int64_t cappedPoints(const Award& a, std::int64_t so_far) {
    if (!a.daily_cap) return a.points;
    return std::min(a.points, std::max<std::int64_t>(0, *a.daily_cap - so_far));
}

// The people an event may reward: its actor and the owner of its subject.
std::vector<UserId> peopleOf(const DomainEvent& e) {
    std::vector<UserId> people;
    if (e.actor.valid()) people.push_back(e.actor);
    if (e.subject_owner.valid() && e.subject_owner != e.actor) people.push_back(e.subject_owner);
    return people;
}

}  // namespace

std::size_t PointsProcessor::batchEnd(const std::vector<DomainEvent>& events, std::size_t start,
                                      const std::function<DistrictId(const DomainEvent&)>& district_of) const {
    // One batch never holds two events of the same person on the same day,
    // so "awarded today" as of the batch's start is exact for every event.
    std::set<std::tuple<std::int64_t, std::int64_t, std::int64_t>> seen;
    std::size_t end = start;
    for (; end < events.size(); ++end) {
        const DomainEvent& e = events[end];
        const std::int64_t district = district_of(e).value, day = dayOf(e.occurred_at);
        bool repeat = false;
        for (UserId user : peopleOf(e)) repeat = repeat || seen.count({district, user.value, day}) > 0;
        if (repeat && end > start) break;
        for (UserId user : peopleOf(e)) seen.insert({district, user.value, day});
    }
    return end;
}

PointsProcessor::PointsProcessor(Database& db, PointsRule& rule, const Clock& clock, Options options)
    : db_(db), rule_(rule), clock_(clock), options_(options) {}

std::int64_t PointsProcessor::dayOf(Instant at) const { return localDayNumber(at, options_.utc_offset); }

Status PointsProcessor::checkAwards(Stores& s, const std::vector<Award>& awards) {
    for (const Award& a : awards) {
        if (!a.user.valid() || !s.users.user(a.user))
            return Status::invalid("plugin.bad_result", "an award names unknown user " + std::to_string(a.user.value));
        if (a.points < 1 || a.points > kMaxAward)
            return Status::invalid("plugin.bad_result", "an award's points must be 1 to 1,000,000");
        if (!validRuleName(a.rule))
            return Status::invalid("plugin.bad_result", "an award's rule must be 1-40 of a-z 0-9 _ . -");
        if (!validateText("reason", a.reason, 200).isOk())
            return Status::invalid("plugin.bad_result",
                                   "an award's reason must be UTF-8 text of at most 200 characters");
        if (a.daily_cap && *a.daily_cap < 0)
            return Status::invalid("plugin.bad_result", "an award's daily_cap must be 0 or more");
    }
    return Status::ok();
}

Result<int> PointsProcessor::processBatch() {
    // The rule runs in plugin workers, outside the writer (compute_then_commit.h).
    struct Batch {
        std::int64_t cursor = 0;
        std::vector<DomainEvent> events;
        std::map<std::int64_t, DistrictId> district_of_community;
        std::vector<PointsEvent> seen_by_rule;
        DistrictId districtOf(const DomainEvent& e) const {
            auto it = district_of_community.find(e.community.value);
            return it == district_of_community.end() ? DistrictId() : it->second;
        }
    };
    struct Awarded {
        std::vector<std::optional<Result<std::vector<Award>>>> results;
        std::map<std::int64_t, RuleVersion> versions;  // of the bundle that computed, by district
    };
    Batch batch;
    auto read = [&](Stores& s, Batch& b) -> Result<bool> {
        b.cursor = s.get<PointsStore>().processedThrough();
        b.events = s.outbox.eventsAfter(b.cursor, options_.batch);
        for (const DomainEvent& e : b.events) {
            if (b.district_of_community.count(e.community.value)) continue;
            std::optional<Community> c = s.scopes.community(e.community);
            b.district_of_community[e.community.value] = c ? c->district_id : DistrictId();
        }
        b.events.resize(batchEnd(b.events, 0, [&b](const DomainEvent& e) { return b.districtOf(e); }));
        for (const DomainEvent& e : b.events) {
            PointsEvent pe{e, {}};
            const DistrictId district = b.districtOf(e);
            if (district.valid())
                for (UserId user : peopleOf(e))
                    pe.awarded_today[user.value] =
                        s.get<PointsStore>().awardedByRuleOnDay(district, user, dayOf(e.occurred_at));
            b.seen_by_rule.push_back(std::move(pe));
        }
        return !b.events.empty();
    };
    // One call of each district's rule for its events of the batch.
    auto compute = [&](Batch& b) -> Result<Awarded> {
        Awarded out;
        out.results.resize(b.events.size());
        std::map<std::int64_t, std::vector<std::size_t>> by_district;
        for (std::size_t i = 0; i < b.events.size(); ++i) by_district[b.districtOf(b.events[i]).value].push_back(i);
        for (const auto& [district, indices] : by_district) {
            if (district == 0) continue;
            std::vector<PointsEvent> events;
            for (std::size_t i : indices) events.push_back(b.seen_by_rule[i]);
            // One lookup: the identity stored is that of the bundle that computed.
            auto awards = rule_.awardsFor(DistrictId(district), events);
            for (std::size_t k = 0; k < indices.size(); ++k) out.results[indices[k]] = std::move(awards.results.at(k));
            awards.version.identity = awards.identity;
            out.versions[district] = std::move(awards.version);
        }
        return out;
    };
    // Another processor got here first: nothing to do.
    auto still_valid = [](Stores& s, const Batch& b) { return s.get<PointsStore>().processedThrough() == b.cursor; };
    auto commit = [&](Stores& s, const Batch& b, Awarded& awarded) -> Status {
        PointsStore& points = s.get<PointsStore>();
        const Instant now = clock_.now();
        // Keep each version that judged, and from which event on it judged.
        std::set<std::int64_t> noted;
        for (const DomainEvent& e : b.events) {
            const DistrictId district = b.districtOf(e);
            if (!district.valid() || noted.count(district.value)) continue;
            noted.insert(district.value);
            const RuleVersion& v = awarded.versions[district.value];
            if (v.hash.empty()) continue;
            points.keepVersion(v, now);
            points.noteSpan(district, e.id, v.hash);
        }
        for (std::size_t i = 0; i < b.events.size(); ++i) {
            const DomainEvent& e = b.events[i];
            const DistrictId district = b.districtOf(e);
            if (!district.valid()) {
                SkippedEvent skip;
                skip.event_id = e.id;
                skip.code = "points.no_district";
                skip.message = "the event has no community";
                points.recordSkipped(skip, now);
                continue;
            }
            const auto& result = *awarded.results[i];
            Status ok = result.isOk() ? checkAwards(s, result.value()) : result.status();
            if (!ok.isOk()) {
                SkippedEvent skip;
                skip.event_id = e.id;
                skip.district = district;
                skip.code = utf8Excerpt(ok.code(), kMaxSkipCodeBytes);
                skip.message = utf8Excerpt(ok.message(), kMaxSkipMessageBytes);
                skip.community = e.community;
                skip.plugin = awarded.versions[district.value].identity;
                skip.next_retry_at = nextRetry(ok.code(), 1, now);
                points.recordSkipped(skip, now);
                continue;
            }
            const std::int64_t day = dayOf(e.occurred_at);
            for (const Award& a : result.value()) {
                const std::int64_t awarded_points =
                    cappedPoints(a, a.daily_cap ? points.awardedOnDay(district, a.user, a.rule, day) : 0);
                if (awarded_points == 0) continue;
                points.appendLedger({0, district, a.user, awarded_points, a.rule, a.reason, day, e.id, RedemptionId(),
                                     awarded.versions[district.value].identity, now});
            }
        }
        points.setProcessedThrough(b.events.back().id);
        return Status::ok();
    };
    YISHI_RETURN_IF_ERROR(computeThenCommit(db_, batch, read, compute, still_valid, commit).status());
    return static_cast<int>(batch.events.size());
}

Instant PointsProcessor::nextRetry(const std::string& code, std::int64_t attempts, Instant now) const {
    if (code == "points.no_district" || attempts >= options_.max_attempts) return Instant();
    Duration wait = options_.first_retry;
    for (std::int64_t k = 1; k < attempts; ++k) wait = wait + wait + wait + wait;
    return now + wait;
}

Result<std::vector<LedgerEntry>> PointsProcessor::retrySkipped(std::int64_t event_id) {
    // Read, run the rule outside any transaction, then commit if the skip is
    // still open (compute_then_commit.h).
    struct Retry {
        SkippedEvent skip;
        PointsEvent event;
    };
    struct Outcome {
        RuleAwards awards;
        std::vector<LedgerEntry> written;
        Status failed = Status::ok();
    };
    Retry retry;
    Outcome outcome;
    auto read = [&](Stores& s, Retry& r) -> Result<bool> {
        std::optional<SkippedEvent> skip = s.get<PointsStore>().skippedEvent(event_id);
        if (!skip || skip->resolved_at != Instant())
            return Status::notFound("skipped.not_found", "No skipped event " + std::to_string(event_id) + ".");
        if (!skip->district.valid())
            return Status::invalid("points.no_district", "This event has no community, so no district's rule.");
        auto events = s.outbox.eventsAfter(event_id - 1, 1);
        if (events.empty() || events.front().id != event_id)
            return Status::notFound("skipped.not_found", "No event " + std::to_string(event_id) + ".");
        r.skip = *skip;
        r.event.event = events.front();
        for (UserId user : peopleOf(r.event.event))
            r.event.awarded_today[user.value] =
                s.get<PointsStore>().awardedByRuleOnDay(skip->district, user, dayOf(r.event.event.occurred_at));
        return true;
    };
    auto compute = [&](Retry& r) -> Result<Outcome> {
        Outcome o;
        o.awards = rule_.awardsFor(r.skip.district, {r.event});
        o.awards.version.identity = o.awards.identity;
        return o;
    };
    auto still_valid = [&](Stores& s, const Retry&) {
        std::optional<SkippedEvent> skip = s.get<PointsStore>().skippedEvent(event_id);
        return skip && skip->resolved_at == Instant();
    };
    auto commit = [&](Stores& s, const Retry& r, Outcome& o) -> Status {
        PointsStore& points = s.get<PointsStore>();
        const Instant now = clock_.now();
        const auto& result = o.awards.results.at(0);
        Status ok = result.isOk() ? checkAwards(s, result.value()) : result.status();
        if (!ok.isOk()) {
            SkippedEvent again = r.skip;
            again.code = utf8Excerpt(ok.code(), kMaxSkipCodeBytes);
            again.message = utf8Excerpt(ok.message(), kMaxSkipMessageBytes);
            again.plugin = o.awards.identity;
            again.attempts = r.skip.attempts + 1;
            again.next_retry_at = nextRetry(ok.code(), again.attempts, now);
            points.recordSkipped(again, now);
            o.failed = ok;
            outcome = o;
            return Status::ok();  // the attempt is recorded; the caller learns it failed
        }
        if (!o.awards.version.hash.empty()) points.keepVersion(o.awards.version, now);
        const std::int64_t day = dayOf(r.event.event.occurred_at);
        for (const Award& a : result.value()) {
            const std::int64_t awarded_points =
                cappedPoints(a, a.daily_cap ? points.awardedOnDay(r.skip.district, a.user, a.rule, day) : 0);
            if (awarded_points == 0) continue;
            LedgerEntry entry{0,   r.skip.district, a.user,         awarded_points,    a.rule, a.reason,
                              day, event_id,        RedemptionId(), o.awards.identity, now};
            points.appendLedger(entry);
            o.written.push_back(entry);
        }
        points.resolveSkipped(event_id, now);
        outcome = o;
        return Status::ok();
    };
    auto done = computeThenCommit(db_, retry, read, compute, still_valid, commit);
    YISHI_RETURN_IF_ERROR(done.status());
    if (done.value() != CommitOutcome::kCommitted)
        return Status::notFound("skipped.not_found", "The event was retried meanwhile; look at the list again.");
    if (!outcome.failed.isOk())
        return Status::conflict("points.still_skipped", "The rule still fails on this event: " + outcome.failed.code() +
                                                            ": " + outcome.failed.message());
    return outcome.written;
}

Result<int> PointsProcessor::retryDue() {
    std::vector<SkippedEvent> due;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        due = s.get<PointsStore>().dueForRetry(clock_.now(), 10);
        return Status::ok();
    }));
    int awarded = 0;
    for (const SkippedEvent& skip : due)
        if (retrySkipped(skip.event_id).isOk()) ++awarded;
    return awarded;
}

Result<std::vector<PointsProcessor::Difference>> PointsProcessor::replay(DistrictId district) {
    std::vector<DomainEvent> history;
    std::vector<LedgerEntry> ledger;
    std::vector<SkippedEvent> skipped;
    std::vector<std::pair<std::int64_t, std::string>> spans;
    std::map<std::string, RuleVersion> versions;  // kept versions, by hash
    std::int64_t cursor = 0;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        if (!s.scopes.district(district))
            return Status::notFound("district.not_found", "No district " + std::to_string(district.value) + ".");
        cursor = s.get<PointsStore>().processedThrough();
        std::map<std::int64_t, bool> in_district;
        for (std::int64_t after = 0;;) {
            auto page = s.outbox.eventsAfter(after, 5000);
            if (page.empty()) break;
            after = page.back().id;
            for (auto& e : page) {
                if (e.id > cursor) break;
                auto known = in_district.find(e.community.value);
                if (known == in_district.end()) {
                    std::optional<Community> c = s.scopes.community(e.community);
                    known = in_district.emplace(e.community.value, c && c->district_id == district).first;
                }
                if (known->second) history.push_back(e);
            }
            if (after >= cursor) break;
        }
        ledger = s.get<PointsStore>().eventAwards(district);
        skipped = s.get<PointsStore>().skipped(district);
        spans = s.get<PointsStore>().spans(district);
        std::set<std::string> hashes;
        for (const auto& span : spans) hashes.insert(span.second);
        for (const auto& row : ledger) hashes.insert(hashOf(row.plugin));
        for (const auto& skip : skipped) hashes.insert(hashOf(skip.plugin));
        for (const std::string& hash : hashes)
            if (auto v = s.get<PointsStore>().version(hash)) versions[hash] = *v;
        return Status::ok();
    }));

    // The version that judged each event: of its rows, of its skip, else of its span.
    std::map<std::int64_t, std::string> version_of;
    for (const auto& row : ledger) version_of[row.source_event] = hashOf(row.plugin);
    for (const auto& skip : skipped) version_of[skip.event_id] = hashOf(skip.plugin);
    auto versionOf = [&](const DomainEvent& e) -> std::string {
        auto known = version_of.find(e.id);
        if (known != version_of.end()) return known->second;
        std::string hash;
        for (const auto& [from_event, span_hash] : spans)
            if (from_event <= e.id) hash = span_hash;
        return hash;
    };

    std::map<std::int64_t, std::vector<std::string>> recorded;
    for (const auto& row : ledger) recorded[row.source_event].push_back(describe(row.user, row.delta, row.rule));
    for (const auto& skip : skipped) recorded[skip.event_id].push_back("skipped: " + skip.code);

    // Running totals: (user, day) -> rule -> points, as the ledger would have them.
    std::map<std::pair<std::int64_t, std::int64_t>, std::map<std::string, std::int64_t>> totals;
    std::vector<Difference> differences;
    auto in_district = [&](const DomainEvent&) { return district; };
    for (std::size_t start = 0; start < history.size();) {
        // A batch is judged by one version.
        const std::string hash = versionOf(history[start]);
        std::size_t end = batchEnd(history, start, in_district);
        for (std::size_t k = start + 1; k < end; ++k)
            if (versionOf(history[k]) != hash) end = k;
        std::vector<PointsEvent> batch;
        for (std::size_t k = start; k < end; ++k) {
            PointsEvent pe{history[k], {}};
            const std::int64_t day = dayOf(history[k].occurred_at);
            for (UserId user : peopleOf(history[k])) pe.awarded_today[user.value] = totals[{user.value, day}];
            batch.push_back(std::move(pe));
        }
        start = end;
        auto kept = versions.find(hash);
        auto results = kept != versions.end() ? rule_.awardsWith(kept->second, batch).results
                                              : rule_.awardsFor(district, batch).results;
        YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
            for (std::size_t k = 0; k < batch.size(); ++k) {
                const DomainEvent& e = batch[k].event;
                std::vector<std::string> expected;
                Status ok = results[k].isOk() ? checkAwards(s, results[k].value()) : results[k].status();
                if (!ok.isOk()) {
                    expected.push_back("skipped: " + ok.code());
                } else {
                    const std::int64_t day = dayOf(e.occurred_at);
                    for (const Award& a : results[k].value()) {
                        std::int64_t& so_far = totals[{a.user.value, day}][a.rule];
                        const std::int64_t points = cappedPoints(a, so_far);
                        if (points == 0) continue;
                        so_far += points;
                        expected.push_back(describe(a.user, points, a.rule));
                    }
                }
                auto got = recorded.find(e.id);
                std::vector<std::string> have = got == recorded.end() ? std::vector<std::string>{} : got->second;
                if (expected != have) {
                    auto join = [](const std::vector<std::string>& parts) {
                        std::string text;
                        for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
                        return text.empty() ? std::string("-") : text;
                    };
                    differences.push_back({e.id, join(expected), join(have)});
                }
            }
            return Status::ok();
        }));
    }
    return differences;
}

}  // namespace yishi::domain
