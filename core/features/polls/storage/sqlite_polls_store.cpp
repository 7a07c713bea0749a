#include "sqlite_polls_store.h"
#include "connection.h"
#include "corrupt_row.h"
#include "paging.h"

namespace yishi::storage {

using domain::Poll;
using domain::RatedService;
using domain::RatingPeriod;
using domain::ServiceRating;

namespace {

#define YISHI_POLL_COLUMNS "id, community_id, title, description, created_at, closes_at, created_by"

Poll readPoll(SQLite::Statement& q) {
    Poll p;
    p.id = q.getColumn(0).getInt64();
    p.community_id = CommunityId(q.getColumn(1).getInt64());
    p.title = q.getColumn(2).getString();
    p.description = q.getColumn(3).getString();
    p.created_at = Instant::fromSeconds(q.getColumn(4).getInt64());
    p.closes_at = Instant::fromSeconds(q.getColumn(5).getInt64());
    p.created_by = UserId(q.getColumn(6).getInt64());
    return p;
}

#define YISHI_SERVICE_COLUMNS "id, community_id, kind, name, description, created_at"

RatedService readService(SQLite::Statement& q) {
    RatedService s;
    s.id = q.getColumn(0).getInt64();
    s.community_id = CommunityId(q.getColumn(1).getInt64());
    s.kind = storedEnum(q.getColumn(2).getString(), domain::parseServiceKind, "rated_services", "kind");
    s.name = q.getColumn(3).getString();
    s.description = q.getColumn(4).getString();
    s.created_at = Instant::fromSeconds(q.getColumn(5).getInt64());
    return s;
}

#define YISHI_PERIOD_COLUMNS "id, community_id, label, opens_at, closes_at, created_at"

RatingPeriod readPeriod(SQLite::Statement& q) {
    RatingPeriod p;
    p.id = q.getColumn(0).getInt64();
    p.community_id = CommunityId(q.getColumn(1).getInt64());
    p.label = q.getColumn(2).getString();
    p.opens_at = Instant::fromSeconds(q.getColumn(3).getInt64());
    p.closes_at = Instant::fromSeconds(q.getColumn(4).getInt64());
    p.created_at = Instant::fromSeconds(q.getColumn(5).getInt64());
    return p;
}

#define YISHI_RATING_COLUMNS "r.period_id, r.service_id, r.user_id, r.stars, r.comment, r.rated_at"

ServiceRating readRating(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),  UserId(q.getColumn(2).getInt64()),
            q.getColumn(3).getInt(),   q.getColumn(4).getString(), Instant::fromSeconds(q.getColumn(5).getInt64())};
}

}  // namespace

std::int64_t SqlitePollStore::insertPoll(Poll& poll) {
    auto q = c_.prepare(
        "INSERT INTO polls (community_id, title, description, created_at, closes_at, created_by)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    q->bind(1, poll.community_id.value);
    q->bind(2, poll.title);
    q->bind(3, poll.description);
    q->bind(4, poll.created_at.seconds());
    q->bind(5, poll.closes_at.seconds());
    q->bind(6, poll.created_by.value);
    q->exec();
    poll.id = c_.db().getLastInsertRowid();
    int question_position = 0;
    for (domain::PollQuestion& question : poll.questions) {
        auto qq = c_.prepare("INSERT INTO poll_questions (poll_id, position, text, multiple) VALUES (?, ?, ?, ?)");
        qq->bind(1, poll.id);
        qq->bind(2, question_position++);
        qq->bind(3, question.text);
        qq->bind(4, question.multiple ? 1 : 0);
        qq->exec();
        question.id = c_.db().getLastInsertRowid();
        int option_position = 0;
        for (domain::PollOption& option : question.options) {
            auto qo = c_.prepare("INSERT INTO poll_options (question_id, position, text) VALUES (?, ?, ?)");
            qo->bind(1, question.id);
            qo->bind(2, option_position++);
            qo->bind(3, option.text);
            qo->exec();
            option.id = c_.db().getLastInsertRowid();
            option.question_id = question.id;
        }
    }
    return poll.id;
}

std::optional<Poll> SqlitePollStore::poll(std::int64_t id) {
    std::optional<Poll> out;
    {
        auto q = c_.prepare("SELECT " YISHI_POLL_COLUMNS " FROM polls WHERE id = ?");
        q->bind(1, id);
        if (!q->executeStep()) return std::nullopt;
        out = readPoll(*q);
    }
    auto q = c_.prepare(
        "SELECT q.id, q.text, q.multiple, o.id, o.text FROM poll_questions q JOIN poll_options o ON o.question_id = "
        "q.id"
        " WHERE q.poll_id = ? ORDER BY q.position, o.position");
    q->bind(1, id);
    while (q->executeStep()) {
        const std::int64_t question = q->getColumn(0).getInt64();
        if (out->questions.empty() || out->questions.back().id != question) {
            out->questions.push_back({question, q->getColumn(1).getString(), q->getColumn(2).getInt() != 0, {}});
        }
        out->questions.back().options.push_back({q->getColumn(3).getInt64(), question, q->getColumn(4).getString()});
    }
    return out;
}

domain::Page<Poll> SqlitePollStore::list(CommunityId community, domain::PageRequest page) {
    auto q = c_.prepare("SELECT " YISHI_POLL_COLUMNS
                        " FROM polls WHERE community_id = ?1 AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3");
    q->bind(1, community.value);
    q->bind(2, page.after);
    q->bind(3, page.limit + 1);
    domain::Page<Poll> out;
    while (q->executeStep()) out.items.push_back(readPoll(*q));
    finishPage(out, page.limit, [](const Poll& p) { return p.id; });
    return out;
}

bool SqlitePollStore::insertAnswer(std::int64_t poll_id, UserId user, Instant at,
                                   const std::vector<std::int64_t>& option_ids) {
    auto q =
        c_.prepare("INSERT INTO poll_answers (poll_id, user_id, answered_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    q->bind(1, poll_id);
    q->bind(2, user.value);
    q->bind(3, at.seconds());
    if (q->exec() != 1) return false;
    for (std::int64_t option : option_ids) {
        auto c = c_.prepare("INSERT INTO poll_choices (poll_id, user_id, option_id) VALUES (?, ?, ?)");
        c->bind(1, poll_id);
        c->bind(2, user.value);
        c->bind(3, option);
        c->exec();
    }
    return true;
}

std::int64_t SqlitePollStore::answerCount(std::int64_t poll_id) {
    auto q = c_.prepare("SELECT COUNT(*) FROM poll_answers WHERE poll_id = ?");
    q->bind(1, poll_id);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

std::vector<std::int64_t> SqlitePollStore::choicesOf(std::int64_t poll_id, UserId user) {
    auto q = c_.prepare("SELECT option_id FROM poll_choices WHERE poll_id = ? AND user_id = ? ORDER BY option_id");
    q->bind(1, poll_id);
    q->bind(2, user.value);
    std::vector<std::int64_t> out;
    while (q->executeStep()) out.push_back(q->getColumn(0).getInt64());
    return out;
}

std::vector<domain::PollChoice> SqlitePollStore::choices(std::int64_t poll_id) {
    auto q = c_.prepare("SELECT user_id, option_id FROM poll_choices WHERE poll_id = ?");
    q->bind(1, poll_id);
    std::vector<domain::PollChoice> out;
    while (q->executeStep()) out.push_back({UserId(q->getColumn(0).getInt64()), q->getColumn(1).getInt64()});
    return out;
}

std::int64_t SqliteServiceRatingStore::insertService(const RatedService& s) {
    auto q = c_.prepare(
        "INSERT INTO rated_services (community_id, kind, name, description, created_at) VALUES (?, ?, ?, ?, ?)");
    q->bind(1, s.community_id.value);
    q->bind(2, domain::serviceKindName(s.kind));
    q->bind(3, s.name);
    q->bind(4, s.description);
    q->bind(5, s.created_at.seconds());
    q->exec();
    return c_.db().getLastInsertRowid();
}

std::optional<RatedService> SqliteServiceRatingStore::service(std::int64_t id) {
    auto q = c_.prepare("SELECT " YISHI_SERVICE_COLUMNS " FROM rated_services WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return readService(*q);
}

std::vector<RatedService> SqliteServiceRatingStore::services(CommunityId community) {
    auto q = c_.prepare("SELECT " YISHI_SERVICE_COLUMNS " FROM rated_services WHERE community_id = ? ORDER BY id");
    q->bind(1, community.value);
    std::vector<RatedService> out;
    while (q->executeStep()) out.push_back(readService(*q));
    return out;
}

std::int64_t SqliteServiceRatingStore::insertPeriod(const RatingPeriod& p) {
    auto q = c_.prepare(
        "INSERT INTO rating_periods (community_id, label, opens_at, closes_at, created_at) VALUES (?, ?, ?, ?, ?)");
    q->bind(1, p.community_id.value);
    q->bind(2, p.label);
    q->bind(3, p.opens_at.seconds());
    q->bind(4, p.closes_at.seconds());
    q->bind(5, p.created_at.seconds());
    q->exec();
    return c_.db().getLastInsertRowid();
}

std::optional<RatingPeriod> SqliteServiceRatingStore::period(std::int64_t id) {
    auto q = c_.prepare("SELECT " YISHI_PERIOD_COLUMNS " FROM rating_periods WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return readPeriod(*q);
}

std::vector<RatingPeriod> SqliteServiceRatingStore::periods(CommunityId community) {
    auto q =
        c_.prepare("SELECT " YISHI_PERIOD_COLUMNS " FROM rating_periods WHERE community_id = ? ORDER BY opens_at, id");
    q->bind(1, community.value);
    std::vector<RatingPeriod> out;
    while (q->executeStep()) out.push_back(readPeriod(*q));
    return out;
}

bool SqliteServiceRatingStore::insertRating(const ServiceRating& r) {
    auto q = c_.prepare(
        "INSERT INTO service_ratings (period_id, service_id, user_id, stars, comment, rated_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    q->bind(1, r.period_id);
    q->bind(2, r.service_id);
    q->bind(3, r.user.value);
    q->bind(4, r.stars);
    q->bind(5, r.comment);
    q->bind(6, r.at.seconds());
    return q->exec() == 1;
}

std::vector<ServiceRating> SqliteServiceRatingStore::ratings(CommunityId community) {
    auto q = c_.prepare("SELECT " YISHI_RATING_COLUMNS
                        " FROM service_ratings r JOIN rating_periods p ON p.id = r.period_id"
                        " WHERE p.community_id = ? ORDER BY r.rated_at, r.rowid");
    q->bind(1, community.value);
    std::vector<ServiceRating> out;
    while (q->executeStep()) out.push_back(readRating(*q));
    return out;
}

std::vector<ServiceRating> SqliteServiceRatingStore::ratingsOfPeriod(std::int64_t period_id) {
    auto q = c_.prepare("SELECT " YISHI_RATING_COLUMNS
                        " FROM service_ratings r WHERE r.period_id = ? ORDER BY r.rated_at, r.rowid");
    q->bind(1, period_id);
    std::vector<ServiceRating> out;
    while (q->executeStep()) out.push_back(readRating(*q));
    return out;
}

}  // namespace yishi::storage
