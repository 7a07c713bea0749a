#pragma once

#include <optional>
#include <vector>

#include "yishi/domain/noticeboard_store.h"

// The feature's store ports over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteNoticeStore final : public domain::NoticeStore {
  public:
    explicit SqliteNoticeStore(Connection& c) : c_(c) {}
    std::int64_t insertNotice(CommunityId community, const domain::NoticeVersion& first) override;
    std::int64_t insertVersion(const domain::NoticeVersion& version) override;
    std::optional<domain::Notice> notice(std::int64_t id) override;
    std::vector<domain::NoticeVersion> versions(std::int64_t notice_id) override;
    domain::Page<domain::Notice> list(CommunityId community, std::optional<domain::NoticeKind> kind,
                                      domain::PageRequest page) override;

  private:
    std::vector<domain::NoticeAttachment> attachments(std::int64_t version_id);
    Connection& c_;
};

class SqliteAccountStore final : public domain::AccountStore {
  public:
    explicit SqliteAccountStore(Connection& c) : c_(c) {}
    std::int64_t insertEntry(const domain::AccountEntry& entry) override;
    std::optional<domain::AccountEntry> entry(std::int64_t id) override;
    std::vector<domain::AccountEntry> entries(CommunityId community) override;
    domain::Page<domain::AccountEntry> page(CommunityId community, domain::PageRequest page) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
