#pragma once

#include <optional>
#include <vector>

#include "yishi/domain/polls_store.h"

// The feature's store ports over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqlitePollStore final : public domain::PollStore {
  public:
    explicit SqlitePollStore(Connection& c) : c_(c) {}
    std::int64_t insertPoll(domain::Poll& poll) override;
    std::optional<domain::Poll> poll(std::int64_t id) override;
    domain::Page<domain::Poll> list(CommunityId community, domain::PageRequest page) override;
    bool insertAnswer(std::int64_t poll_id, UserId user, Instant at,
                      const std::vector<std::int64_t>& option_ids) override;
    std::int64_t answerCount(std::int64_t poll_id) override;
    std::vector<std::int64_t> choicesOf(std::int64_t poll_id, UserId user) override;
    std::vector<domain::PollChoice> choices(std::int64_t poll_id) override;

  private:
    Connection& c_;
};

class SqliteServiceRatingStore final : public domain::ServiceRatingStore {
  public:
    explicit SqliteServiceRatingStore(Connection& c) : c_(c) {}
    std::int64_t insertService(const domain::RatedService& service) override;
    std::optional<domain::RatedService> service(std::int64_t id) override;
    std::vector<domain::RatedService> services(CommunityId community) override;
    std::int64_t insertPeriod(const domain::RatingPeriod& period) override;
    std::optional<domain::RatingPeriod> period(std::int64_t id) override;
    std::vector<domain::RatingPeriod> periods(CommunityId community) override;
    bool insertRating(const domain::ServiceRating& rating) override;
    std::vector<domain::ServiceRating> ratings(CommunityId community) override;
    std::vector<domain::ServiceRating> ratingsOfPeriod(std::int64_t period_id) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
