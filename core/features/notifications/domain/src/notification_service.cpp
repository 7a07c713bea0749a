#include "yishi/domain/notification_service.h"

#include <algorithm>
#include <string_view>

#include "yishi/domain/notifications_changes.h"
#include "yishi/domain/proposal_store.h"

namespace yishi::domain {

namespace {

Status quietValid(const QuietHours& q) {
    const auto ok = [](int m) { return m >= 0 && m < 24 * 60; };
    if (!ok(q.start) || !ok(q.end)) {
        return Status::invalid("notification.quiet_hours",
                               "Quiet hours are minutes of the day, 0 to 1439 (22:00 is 1320).");
    }
    return Status::ok();
}

bool looksLikeAddress(const std::string& s) {
    const auto at = s.find('@');
    return s.size() <= 254 && at != std::string::npos && at > 0 && at + 1 < s.size() &&
           s.find_first_of(" \r\n<>,;\"") == std::string::npos;
}

// The value of one base64 character, or -1.
int base64Value(char ch) {
    if (ch >= 'A' && ch <= 'Z') return ch - 'A';
    if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
    if (ch >= '0' && ch <= '9') return ch - '0' + 52;
    if (ch == '+') return 62;
    if (ch == '/') return 63;
    return -1;
}

// A certificate block's body: base64 (over lines) of DER, which starts with
// a SEQUENCE (the byte 0x30).
bool derBody(std::string_view body) {
    std::string b64;
    for (char ch : body) {
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') b64 += ch;
    }
    if (b64.size() < 4 || b64.size() % 4 != 0) return false;
    const std::size_t pad = b64.ends_with("==") ? 2 : b64.ends_with('=') ? 1 : 0;
    for (std::size_t i = 0; i < b64.size() - pad; ++i) {
        if (base64Value(b64[i]) < 0) return false;
    }
    return ((base64Value(b64[0]) << 2) | (base64Value(b64[1]) >> 4)) == 0x30;
}

// PEM text of one or more certificates, each block's body DER in base64.
bool looksLikePem(const std::string& s) {
    static constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
    static constexpr std::string_view kEnd = "-----END CERTIFICATE-----";
    if (s.size() > 20000) return false;
    std::size_t begin = s.find(kBegin);
    if (begin == std::string::npos) return false;
    while (begin != std::string::npos) {
        const std::size_t body = begin + kBegin.size();
        const std::size_t end = s.find(kEnd, body);
        if (end == std::string::npos || !derBody(std::string_view(s).substr(body, end - body))) return false;
        begin = s.find(kBegin, end + kEnd.size());
    }
    return true;
}

// A mail server is named by a host name or an IP address, without a port
// (smtp_port says it): letters, digits, dots and hyphens, labels of 1 to 63
// characters that neither start nor end with a hyphen; or an IPv6 address.
bool hostValid(const std::string& s) {
    if (s.empty() || s.size() > 253) return false;
    if (std::count(s.begin(), s.end(), ':') >= 2) {
        return s.find_first_not_of("0123456789abcdefABCDEF:.") == std::string::npos;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = s.find('.', start);
        const std::string_view label =
            std::string_view(s).substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char ch : label) {
            const bool ok =
                (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
            if (!ok) return false;
        }
        if (dot == std::string::npos) return true;
        start = dot + 1;
    }
}

bool credentialValid(const std::string& s) { return s.size() <= 200 && s.find_first_of("\r\n") == std::string::npos; }

Status visibleProposal(Stores& s, const Actor& actor, std::int64_t id) {
    std::optional<Proposal> p = s.get<ProposalStore>().proposal(ProposalId(id));
    if (!p || !proposalVisibleTo(*p, actor.userId())) {
        return Status::notFound("proposal.not_found", "There is no such proposal.");
    }
    return Status::ok();
}

Status districtAdmin(Stores& s, const Actor& actor, DistrictId district) {
    if (!s.scopes.district(district)) return Status::notFound("district.not_found", "There is no such district.");
    if (!actor.isDistrictAdmin(district)) {
        return Status::forbidden("delivery.forbidden", "Only the district's admins set and see its outbound delivery.");
    }
    return Status::ok();
}

}  // namespace

NotificationService::NotificationService(Database& db, const Clock& clock, SecretSource& secrets)
    : db_(db), clock_(clock), secrets_(secrets) {}

Result<NotificationService::Inbox> NotificationService::inbox(const Actor& actor, bool unread_only, PageRequest page) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Inbox out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        NotificationStore& store = s.get<NotificationStore>();
        out.page = store.inbox(actor.userId(), unread_only, page.clamped());
        out.unread = store.unreadCount(actor.userId());
        return Status::ok();
    }));
    return out;
}

Result<std::int64_t> NotificationService::unreadCount(const Actor& actor) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    std::int64_t n = 0;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        n = s.get<NotificationStore>().unreadCount(actor.userId());
        return Status::ok();
    }));
    return n;
}

Result<Notification> NotificationService::markRead(const Actor& actor, std::int64_t id) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Notification out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        NotificationStore& store = s.get<NotificationStore>();
        std::optional<Notification> n = store.notification(id);
        // Someone else's item is as absent as none: ids tell nothing.
        if (!n || n->user != actor.userId()) {
            return Status::notFound("notification.not_found", "There is no such notification in your inbox.");
        }
        if (n->read_at == Instant()) {
            n->read_at = clock_.now();
            store.markRead(id, n->read_at);
        }
        out = *n;
        return Status::ok();
    }));
    return out;
}

Result<std::int64_t> NotificationService::markAllRead(const Actor& actor) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    std::int64_t n = 0;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        n = s.get<NotificationStore>().markAllRead(actor.userId(), clock_.now());
        return Status::ok();
    }));
    return n;
}

Result<bool> NotificationService::follow(const Actor& actor, std::int64_t proposal) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_RETURN_IF_ERROR(visibleProposal(s, actor, proposal));
        s.get<NotificationStore>().follow(actor.userId(), proposal, clock_.now());
        return Status::ok();
    }));
    return true;
}

Result<bool> NotificationService::unfollow(const Actor& actor, std::int64_t proposal) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_RETURN_IF_ERROR(visibleProposal(s, actor, proposal));
        s.get<NotificationStore>().unfollow(actor.userId(), proposal);
        return Status::ok();
    }));
    return false;
}

Result<bool> NotificationService::following(const Actor& actor, std::int64_t proposal) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    bool out = false;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_RETURN_IF_ERROR(visibleProposal(s, actor, proposal));
        out = s.get<NotificationStore>().follows(actor.userId(), proposal);
        return Status::ok();
    }));
    return out;
}

Result<NotificationPreferences> NotificationService::preferences(const Actor& actor) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    NotificationPreferences out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        out = s.get<NotificationStore>().preferences(actor.userId()).value_or(NotificationPreferences{});
        return Status::ok();
    }));
    return out;
}

Result<NotificationPreferences> NotificationService::savePreferences(const Actor& actor,
                                                                     const NotificationPreferences& prefs) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    for (const std::string& kind : prefs.muted) {
        if (!isNotificationKind(kind)) {
            return Status::invalid("notification.kind", "Unknown kind of notification: \"" + kind + "\".");
        }
    }
    if (!prefs.email.empty() && !looksLikeAddress(prefs.email)) {
        return Status::invalid("notification.email", "The mail address is not one (name@example.cn).");
    }
    if (prefs.quiet) YISHI_RETURN_IF_ERROR(quietValid(*prefs.quiet));
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        s.get<NotificationStore>().savePreferences(actor.userId(), prefs, clock_.now());
        return Status::ok();
    }));
    return prefs;
}

Result<DeliverySettings> NotificationService::deliverySettings(const Actor& actor, DistrictId district) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    DeliverySettings out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_RETURN_IF_ERROR(districtAdmin(s, actor, district));
        out = s.get<NotificationStore>().deliverySettings(district).value_or(DeliverySettings{});
        return Status::ok();
    }));
    return out;
}

Result<DeliverySettings> NotificationService::saveDeliverySettings(const Actor& actor, DistrictId district,
                                                                   const DeliveryInput& in) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (in.webhook_url && !in.webhook_url->empty()) {
        const std::string& u = *in.webhook_url;
        const std::size_t scheme = u.rfind("https://", 0) == 0 ? 8 : u.rfind("http://", 0) == 0 ? 7 : 0;
        if (u.size() > 500 || scheme == 0 || u.size() <= scheme || u.find_first_of(" \r\n") != std::string::npos) {
            return Status::invalid("delivery.webhook_url",
                                   "The webhook is an https:// (or http://) address of up to 500 characters.");
        }
    }
    if (in.webhook_ca_pem && !in.webhook_ca_pem->empty() && !looksLikePem(*in.webhook_ca_pem)) {
        return Status::invalid("delivery.webhook_ca",
                               "The CA certificate is PEM text (-----BEGIN CERTIFICATE----- ... -----END "
                               "CERTIFICATE-----) of a valid certificate, up to 20000 characters.");
    }
    if (in.smtp_host && !in.smtp_host->empty() && !hostValid(*in.smtp_host)) {
        return Status::invalid("delivery.smtp_host",
                               "The mail server is a host name or an IP address, without a port (smtp_port).");
    }
    if (in.smtp_user && !credentialValid(*in.smtp_user)) {
        return Status::invalid("delivery.smtp_user", "The mail user name is up to 200 characters on one line.");
    }
    if (in.smtp_password && !credentialValid(*in.smtp_password)) {
        return Status::invalid("delivery.smtp_password", "The mail password is up to 200 characters on one line.");
    }
    if (in.smtp_port && (*in.smtp_port < 1 || *in.smtp_port > 65535)) {
        return Status::invalid("delivery.smtp_port", "The mail server's port is 1 to 65535.");
    }
    if (in.quiet) YISHI_RETURN_IF_ERROR(quietValid(*in.quiet));
    DeliverySettings out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_RETURN_IF_ERROR(districtAdmin(s, actor, district));
        NotificationStore& store = s.get<NotificationStore>();
        DeliverySettings d = store.deliverySettings(district).value_or(DeliverySettings{});
        if (in.webhook_url) d.webhook_url = *in.webhook_url;
        // A password set for one mail server is not handed to another: a new
        // host needs the password given again.
        const bool new_host = in.smtp_host && *in.smtp_host != d.smtp_host;
        if (new_host && !in.smtp_password && !d.smtp_password.empty()) {
            d.smtp_password.clear();
            if (!d.smtp_user.empty() && !(in.smtp_user && in.smtp_user->empty())) {
                return Status::invalid("delivery.smtp_password",
                                       "A new mail server needs the password again (smtp_password).");
            }
        }
        if (in.smtp_host) d.smtp_host = *in.smtp_host;
        if (in.smtp_port) d.smtp_port = static_cast<int>(*in.smtp_port);
        if (in.smtp_from) d.smtp_from = *in.smtp_from;
        if (in.webhook_ca_pem) d.webhook_ca_pem = *in.webhook_ca_pem;
        if (in.smtp_starttls) d.smtp_starttls = *in.smtp_starttls;
        if (in.smtp_user) d.smtp_user = *in.smtp_user;
        if (in.smtp_password) d.smtp_password = *in.smtp_password;
        if (in.quiet) d.quiet = *in.quiet;
        if (!d.smtp_host.empty() && !looksLikeAddress(d.smtp_from)) {
            return Status::invalid("delivery.smtp_from", "Mail needs a sender address (smtp_from).");
        }
        if (!d.smtp_user.empty() && !d.smtp_starttls) {
            return Status::invalid("delivery.smtp_starttls",
                                   "A mail user name needs STARTTLS: the password never travels in the clear.");
        }
        if (d.smtp_user.empty()) d.smtp_password.clear();  // no password kept for nobody
        if (!d.smtp_user.empty() && d.smtp_password.empty()) {
            return Status::invalid("delivery.smtp_password", "A mail user name needs its password.");
        }
        if (!d.webhook_url.empty() && (d.webhook_secret.empty() || in.new_secret)) {
            d.webhook_secret = secrets_.newToken();
        }
        d.updated_at = clock_.now();
        d.updated_by = actor.userId();
        store.saveDeliverySettings(district, d);
        s.record({changes::kDeliverySettingsChanged, d.updated_at, actor.userId(), district.value, CommunityId()});
        out = d;
        return Status::ok();
    }));
    return out;
}

Result<Page<Delivery>> NotificationService::deliveries(const Actor& actor, DistrictId district, PageRequest page) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Page<Delivery> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_RETURN_IF_ERROR(districtAdmin(s, actor, district));
        out = s.get<NotificationStore>().deliveries(district, page.clamped());
        return Status::ok();
    }));
    return out;
}

}  // namespace yishi::domain
