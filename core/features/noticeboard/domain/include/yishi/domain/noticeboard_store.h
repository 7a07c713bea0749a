#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/domain/account.h"
#include "yishi/domain/notice.h"
#include "yishi/domain/page.h"

// Where notices and the accounts are kept: the store ports of this feature;
// their SQLite implementations live beside it in storage/. A service reaches
// them inside a transaction as stores.get<NoticeStore>() and
// stores.get<AccountStore>(). Throw only when the store itself is broken.
// Versions and entries are never changed or removed (the tables refuse it).
namespace yishi::domain {

class NoticeStore {
  public:
    virtual ~NoticeStore() = default;
    // A new notice with its first version (`first.kind` published); returns its id.
    virtual std::int64_t insertNotice(CommunityId community, const NoticeVersion& first) = 0;
    // Appends a version (corrected, withdrawn) to version.notice_id.
    virtual std::int64_t insertVersion(const NoticeVersion& version) = 0;
    // The notice with its newest version, attachments included.
    virtual std::optional<Notice> notice(std::int64_t id) = 0;
    // Every version, oldest first, with attachments.
    virtual std::vector<NoticeVersion> versions(std::int64_t notice_id) = 0;
    // The archive: newest first (PageRequest::after is the id the page
    // starts below; 0 from the newest), optionally of one current kind.
    // Attachments are left out.
    virtual Page<Notice> list(CommunityId community, std::optional<NoticeKind> kind, PageRequest page) = 0;
};

class AccountStore {
  public:
    virtual ~AccountStore() = default;
    virtual std::int64_t insertEntry(const AccountEntry& entry) = 0;
    virtual std::optional<AccountEntry> entry(std::int64_t id) = 0;
    // Every entry of the community, in id order.
    virtual std::vector<AccountEntry> entries(CommunityId community) = 0;
    // Newest first (PageRequest::after is the id the page starts below).
    virtual Page<AccountEntry> page(CommunityId community, PageRequest page) = 0;
};

}  // namespace yishi::domain
