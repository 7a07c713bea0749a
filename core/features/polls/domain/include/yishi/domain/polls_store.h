#pragma once

#include <optional>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/domain/page.h"
#include "yishi/domain/poll.h"
#include "yishi/domain/service_rating.h"

// Where polls, answers, rated services, periods and ratings are kept: the
// store ports of this feature; their SQLite implementations live beside it
// in storage/. Reached inside a transaction as stores.get<PollStore>() and
// stores.get<ServiceRatingStore>(). Throw only when the store itself is
// broken. Answers and ratings are never changed or removed.
namespace yishi::domain {

class PollStore {
  public:
    virtual ~PollStore() = default;
    // The poll with its questions and options; fills in their ids.
    virtual std::int64_t insertPoll(Poll& poll) = 0;
    virtual std::optional<Poll> poll(std::int64_t id) = 0;
    // Newest first, without questions (PageRequest::after: the id the page starts below).
    virtual Page<Poll> list(CommunityId community, PageRequest page) = 0;
    // False when `user` answered the poll already (nothing is written then).
    virtual bool insertAnswer(std::int64_t poll_id, UserId user, Instant at,
                              const std::vector<std::int64_t>& option_ids) = 0;
    virtual std::int64_t answerCount(std::int64_t poll_id) = 0;
    // The options `user` chose; empty when they have not answered.
    virtual std::vector<std::int64_t> choicesOf(std::int64_t poll_id, UserId user) = 0;
    virtual std::vector<PollChoice> choices(std::int64_t poll_id) = 0;
};

class ServiceRatingStore {
  public:
    virtual ~ServiceRatingStore() = default;
    virtual std::int64_t insertService(const RatedService& service) = 0;
    virtual std::optional<RatedService> service(std::int64_t id) = 0;
    // The community's services by id.
    virtual std::vector<RatedService> services(CommunityId community) = 0;
    virtual std::int64_t insertPeriod(const RatingPeriod& period) = 0;
    virtual std::optional<RatingPeriod> period(std::int64_t id) = 0;
    // The community's periods, by opening time.
    virtual std::vector<RatingPeriod> periods(CommunityId community) = 0;
    // False when `rating.user` rated that service in that period already.
    virtual bool insertRating(const ServiceRating& rating) = 0;
    // Every rating of the community's periods.
    virtual std::vector<ServiceRating> ratings(CommunityId community) = 0;
    virtual std::vector<ServiceRating> ratingsOfPeriod(std::int64_t period_id) = 0;
};

}  // namespace yishi::domain
