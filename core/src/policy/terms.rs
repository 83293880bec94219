//! The term lists, as data. Add a spelling to a line, or a line to a list.
//!
//! Spellings are `|`-separated and written in any case, in Traditional or
//! Simplified Chinese (both match, see `normalize`). An ASCII spelling
//! matches whole words only, with separators inside it ignored:
//! `sing-box` also matches `sing box`, `singbox` and `S.i.n.g.b.o.x`.
//! `v2ray*` matches any word starting with `v2ray`, `*vpn` any word ending
//! with `vpn`. A spelling with a Chinese character matches anywhere, also
//! with one or two separators between its characters (`翻 牆`).
//!
//! Every term names a [`Rule`] that says when a match counts.

/// One list entry: the canonical display term, its spellings, its rule.
pub(super) struct Term {
    pub canon: &'static str,
    pub spellings: &'static str,
    pub rule: u8,
}

const fn t(canon: &'static str, spellings: &'static str, rule: u8) -> Term {
    Term {
        canon,
        spellings,
        rule,
    }
}

/// When a match counts. Every field is a list of `|`-separated cue lists.
///
/// A match is dropped when it was joined from several words and the rule is
/// `one_word`, when a `block_before` cue ends right before it (up to
/// two separators between), a `block_near_before` cue occurs a few words
/// before it, a `block_after` cue starts right after it, or a `block_text`
/// cue occurs anywhere in the text. A `weak` match then counts
/// only with a `before`/`after` cue right next to it, a `near` cue within a
/// few words, a `://` right after it (`ss://`), or another counted match of
/// the same list anywhere in the text.
pub(super) struct Rule {
    pub weak: bool,
    /// Only counts when written as one word (`Xray`, not `X-ray`).
    pub one_word: bool,
    pub near: &'static [&'static str],
    pub before: &'static [&'static str],
    pub after: &'static [&'static str],
    pub block_before: &'static [&'static str],
    /// Cues within a few words before the match (`Cloudflare 的代理模式`).
    pub block_near_before: &'static [&'static str],
    pub block_after: &'static [&'static str],
    pub block_text: &'static [&'static str],
}

const NONE: &[&str] = &[];

const fn strong() -> Rule {
    Rule {
        weak: false,
        one_word: false,
        near: NONE,
        before: NONE,
        after: NONE,
        block_before: NONE,
        block_near_before: NONE,
        block_after: NONE,
        block_text: NONE,
    }
}

// Rule numbers (indexes into `RULES`).
pub(super) const PLAIN: u8 = 0;
const SS: u8 = 1;
const SSR: u8 = 2;
const NODE: u8 = 3;
const AIRPORT: u8 = 4;
const DAILI: u8 = 5;
const PROXY: u8 = 6;
const CLASH: u8 = 7;
const TROJAN: u8 = 8;
const BROOK: u8 = 9;
const OUTLINE: u8 = 10;
const WALLED: u8 = 11;
const DATABASE: u8 = 12;
const ONE_WORD: u8 = 13;
const DAILI_WEB: u8 = 14;
const WARP: u8 = 15;

/// Words that make a nearby ambiguous term (SS, 節點, 機場 …) mean the proxy.
const PROXY_CUES: &str = "翻牆|梯子|科學上網|訂閱|代理|加密方式|混淆|shadowsocks|\
v2ray|vmess|vless|trojan|obfs|aead|chacha20|subscription|gfw|vpn";
/// Verbs right before a term that mean setting the software up.
const SETUP_BEFORE: &str =
    "搭|搭個|搭一個|裝個|搭建|架設|架|自建|安裝|裝|部署|install|setup|deploy|configure";
/// Nouns right after a term that mean the software.
const SOFTWARE_AFTER: &str = "節點|服務端|客戶端|伺服器|服务器|帳號|鏈接|連結|協議|配置|訂閱|server|client|\
node|nodes|account|link|links|config|protocol|subscription";
/// Web serving right before 代理 / proxy: a CDN or reverse proxy in front of
/// a site (`CDN 代理`, `Cloudflare 的代理模式`, `nginx proxy`), which is web
/// hosting. Not `http`: an HTTP proxy for a browser is the other kind.
const WEB_SERVING: &str = "cdn|cloudflare|cf|雲朵|小雲朵|橙色雲|源站|回源|全站|反向|反代|\
nginx|openresty|apache|caddy|traefik|haproxy|iis|origin|負載均衡|負載平衡|load balancer|load balancing";

/// Malware and abuse talk: a `trojan` there is not the proxy.
const MALWARE: &str = "virus|viruses|malware|infected|infection|horse|backdoor|antivirus|clamav|\
rootkit|botnet|ddos|miner|mining|cryptominer|hacked|compromised|abuse|phishing|ransomware|\
scanner|detected|木馬|病毒|中毒|後門|挖礦|入侵|被黑|惡意|濫用|感染|肉雞|殺毒";

pub(super) const RULES: &[Rule] = &[
    // PLAIN
    strong(),
    // SS: `ss` is also the Linux socket tool and "screenshot".
    Rule {
        weak: true,
        near: &[PROXY_CUES, "ssr"],
        before: &[SETUP_BEFORE],
        after: &[SOFTWARE_AFTER, "服務"],
        ..strong()
    },
    // SSR: also server-side rendering in web frameworks.
    Rule {
        block_text: &[
            "next.js|nextjs|nuxt|nuxt.js|react|vue|vue.js|rendering|hydration|ssg|svelte|sveltekit|\
             angular|seo|frontend|渲染|前端",
        ],
        ..strong()
    },
    // NODE 節點: also a traceroute hop or a provider's location.
    Rule {
        weak: true,
        near: &["訂閱|梯子|翻牆|科學上網|機場|v2ray|vmess|vless|shadowsocks"],
        before: &[
            "免費|翻牆|科學|機場|導入|匯入|分享|買|購買|白嫖|ss|ssr|v2ray|vmess|trojan|clash",
        ],
        after: &["訂閱|鏈接|連結|分享|導入|匯入"],
        ..strong()
    },
    // AIRPORT 機場: also the airport.
    Rule {
        weak: true,
        near: &["訂閱|梯子|翻牆|科學上網|跑路|節點|v2board|sspanel|xboard"],
        before: &["搭|搭建|自建|建|做|買|用|換|推薦|便宜|好用"],
        after: &["主|訂閱|節點|跑路|面板|源碼|程序|套餐|搭建"],
        block_before: &["去|到|在|從|接|送|國際|桃園|趕|主|手|開|關|飛|登|宕|停|死"],
        block_after: &["快線|大巴|巴士|接送|航站|附近|酒店|候機|景|地|合"],
        block_text: &["航班|飛機|登機|機票|航空|旅行|出差|接機|flight|travel|trip"],
        ..strong()
    },
    // DAILI 代理: also reseller / agent talk, and a CDN or reverse proxy.
    Rule {
        block_near_before: &[WEB_SERVING],
        block_before: &[
            "反向|我是|我們是|你們的|您們的|貴司的|貴公司的|總|區域|一級|二級|獨家|授權|官方|成為|當|做|申請|招|找|經銷|法定|委託",
        ],
        block_after: &[
            "商|人|價|費|計劃|合作|申請|折扣|權|級|佣|返|加盟|政策|資格|制度|銷售|記賬|報關|備案|\
             註冊|實名|辦理|你們|我們|貴司|產品|協議",
        ],
        ..strong()
    },
    // PROXY: `reverse proxy`, nginx `proxy_pass`, PROXY protocol, a site
    // behind Cloudflare's proxy are web serving.
    Rule {
        block_before: &["reverse|nginx|cloudflare|cdn|apache|mod|caddy|traefik|haproxy"],
        block_near_before: &[WEB_SERVING],
        block_after: &[
            "pass|set|read|connect|send|buffer|buffering|buffers|cache|protocol|manager|redirect|\
             http|ssl|next|hide|headers|module|timeout|arp",
        ],
        ..strong()
    },
    // CLASH: also "a port clash", "clash with".
    Rule {
        weak: true,
        near: &[PROXY_CUES, "ss|ssr|規則|yaml|proxies"],
        before: &[SETUP_BEFORE, "用|導入|匯入"],
        after: &[
            SOFTWARE_AFTER,
            "規則|內核|核心|core|kernel|rules|yaml|profile|dashboard",
        ],
        block_before: &[
            "a|an|port|name|naming|ip|address|version|dependency|namespace|merge|schedule",
        ],
        block_after: &["with|between|of|in"],
        ..strong()
    },
    // TROJAN: also the malware.
    Rule {
        block_before: &["a"],
        block_after: &["horse|virus|malware|木馬|病毒"],
        block_text: &[MALWARE],
        ..strong()
    },
    // BROOK: also a name.
    Rule {
        weak: true,
        near: &[PROXY_CUES],
        before: &[SETUP_BEFORE],
        after: &[SOFTWARE_AFTER, "wsserver|wssserver"],
        ..strong()
    },
    // OUTLINE: also "please outline the steps".
    Rule {
        weak: true,
        near: &["翻牆|梯子|科學上網|代理|vpn|shadowsocks|ss|jigsaw"],
        before: &["搭|搭建|架設|安裝|裝|用"],
        after: &[
            "manager|server|client|key|keys|access|vpn|服務端|客戶端|節點|配置|密鑰|伺服器|服务器",
        ],
        ..strong()
    },
    // WALLED 被牆: not "blocked by the wall" literally.
    Rule {
        block_after: &["壁|面|角|紙|上|邊"],
        ..strong()
    },
    // DATABASE: an IP geolocation database is an IP-address question.
    Rule {
        block_before: &["geoip|ip|maxmind|whois|geolocation|geo|location|ipip|ip2location|rdap"],
        ..strong()
    },
    // ONE_WORD
    Rule {
        one_word: true,
        ..strong()
    },
    // DAILI_WEB 代理伺服器, 代理模式: also a reverse proxy server, or
    // Cloudflare's proxy mode.
    Rule {
        block_near_before: &[WEB_SERVING],
        ..strong()
    },
    // WARP: Cloudflare's VPN, but also "time warp", "warp speed".
    Rule {
        weak: true,
        near: &[
            "解鎖|解锁|unlock|netflix|disney|流媒體|串流|chatgpt|openai|wgcf|wireguard|ipv6出口|出口",
        ],
        before: &[SETUP_BEFORE, "用|開|刷"],
        after: &["+|plus|teams|zero trust|客戶端|帳號|帳戶|client|account|ipv4|ipv6"],
        ..strong()
    },
];

/// Circumvention software and talk.
pub(super) const CIRCUMVENTION: &[Term] = &[
    t("VPN", "vpn|vpns|*vpn|虛擬專用網|虛擬私人網", PLAIN),
    t("WARP", "warp", WARP),
    t(
        "WARP",
        "cloudflare warp|wgcf|warp-go|warp-cli|warp plus",
        PLAIN,
    ),
    t("ExpressVPN", "expressvpn", PLAIN),
    t("NordVPN", "nordvpn|nordlynx", PLAIN),
    t("Surfshark", "surfshark", PLAIN),
    t("ProtonVPN", "protonvpn", PLAIN),
    t("Astrill", "astrill|astrillvpn", PLAIN),
    t("PureVPN", "purevpn", PLAIN),
    t("CyberGhost", "cyberghost", PLAIN),
    t("Mullvad", "mullvad", PLAIN),
    t("Windscribe", "windscribe", PLAIN),
    t("TunnelBear", "tunnelbear", PLAIN),
    t("Private Internet Access", "private internet access", PLAIN),
    t("Hotspot Shield", "hotspot shield", PLAIN),
    t("Psiphon", "psiphon|賽風", PLAIN),
    t("Lantern", "藍燈", PLAIN),
    t(
        "Shadowsocks",
        "shadowsocks|shadowsocks*|shadowsock|ss-libev|ss-rust|ss-server|ss-local|ss-redir|ss-manager|sspanel|sspanel*",
        PLAIN,
    ),
    t("Shadowsocks", "ss", SS),
    t("ShadowsocksR", "shadowsocksr|ssrpanel|酸酸乳", PLAIN),
    t("ShadowsocksR", "ssr", SSR),
    t("Shadowrocket", "shadowrocket|小火箭", PLAIN),
    t("Quantumult", "quantumult|quantumultx", PLAIN),
    t("V2Ray", "v2ray|v2ray*|qv2ray|v2fly|v2board", PLAIN),
    t("Xray", "xray|xray*", ONE_WORD),
    t("Xray", "xray-core|x-ui|3x-ui|xtls|xboard", PLAIN),
    t("VMess", "vmess", PLAIN),
    t("VLESS", "vless", PLAIN),
    t("Trojan", "trojan", TROJAN),
    t(
        "Trojan",
        "trojan-go|trojan-gfw|trojan-panel|trojan-qt5",
        PLAIN,
    ),
    t("Clash", "clash", CLASH),
    t(
        "Clash",
        "clashx|clashx*|clash for windows|clash verge|clash-verge-rev|clash meta|clash premium|mihomo",
        PLAIN,
    ),
    t("sing-box", "sing-box", PLAIN),
    t("Hysteria", "hysteria|hysteria2|hy2", PLAIN),
    t("TUIC", "tuic", PLAIN),
    t("NaiveProxy", "naiveproxy", PLAIN),
    t("Brook", "brook", BROOK),
    t("Outline", "outline", OUTLINE),
    t(
        "Outline",
        "outline vpn|outline manager|outline-ss-server",
        PLAIN,
    ),
    t("WireGuard", "wireguard|wireguard*|wg-quick", PLAIN),
    t("OpenVPN", "openvpn|openvpn*", PLAIN),
    t(
        "Tor",
        "tor browser|tor relay|tor bridge|tor bridges|tor exit|tor node|tor network|torproject|obfs4|obfs4proxy",
        PLAIN,
    ),
    t("SOCKS5", "socks5|socks5h|socks4", PLAIN),
    t("proxy", "proxy|proxies", PROXY),
    t("GFW", "gfw|gfwlist|great firewall|防火長城", PLAIN),
    t(
        "翻牆",
        "翻牆|翻墻|翻出去|翻牆出去|爬牆|爬墻|fanqiang|fan qiang",
        PLAIN,
    ),
    t("梯子", "梯子", PLAIN),
    t(
        "科學上網",
        "科學上網|魔法上網|kexueshangwang|kexue shangwang",
        PLAIN,
    ),
    t("機場", "機場", AIRPORT),
    t("代理", "代理", DAILI),
    t("代理", "代理伺服器|代理服務器|代理模式", DAILI_WEB),
    t(
        "代理",
        "代理軟體|代理軟件|代理工具|代理節點|代理上網|全局代理|系統代理",
        PLAIN,
    ),
    t("被牆", "被牆|被墻", WALLED),
    t("節點", "節點", NODE),
];

/// Software the customer installs themselves: outside the support scope.
pub(super) const OUT_OF_SCOPE: &[Term] = &[
    t("nginx", "nginx|openresty|tengine", PLAIN),
    t("Apache", "apache|apache2|httpd|htaccess", PLAIN),
    t("Caddy", "caddy|caddyfile", PLAIN),
    t("Tomcat", "tomcat", PLAIN),
    t("MySQL", "mysql|mysqld", PLAIN),
    t("MariaDB", "mariadb", PLAIN),
    t("PostgreSQL", "postgresql|postgres|psql", PLAIN),
    t("MongoDB", "mongodb", PLAIN),
    t("Redis", "redis", PLAIN),
    t("WordPress", "wordpress|wp-admin|woocommerce", PLAIN),
    t("Docker", "docker|docker*", PLAIN),
    t("Kubernetes", "kubernetes|kubectl|k8s|k3s", PLAIN),
    t("PHP", "php|php*|php-fpm", PLAIN),
    t("phpMyAdmin", "phpmyadmin", PLAIN),
    t("Node.js", "node.js|npm|pm2", PLAIN),
    t("Laravel", "laravel", PLAIN),
    t("Django", "django", PLAIN),
    t(
        "SSL certificate",
        "ssl certificate|ssl certificates|ssl cert|ssl certs|tls certificate|https certificate|\
         certbot|acme.sh|let's encrypt|letsencrypt|ssl證書|ssl憑證|https證書",
        PLAIN,
    ),
    t("cPanel", "cpanel", PLAIN),
    t("Plesk", "plesk", PLAIN),
    t("DirectAdmin", "directadmin", PLAIN),
    t("寶塔", "寶塔|bt panel|aapanel|bt面板|1panel", PLAIN),
    t("reverse proxy", "reverse proxy|反向代理|反代", PLAIN),
    t(
        "網站環境",
        "網站環境|建站環境|網站配置|架站|lnmp|lamp stack|lemp|web server config|web server configuration",
        PLAIN,
    ),
    t("資料庫", "資料庫|數據庫|数据库", PLAIN),
    t("資料庫", "database|databases", DATABASE),
    t(
        "程式除錯",
        "程式除錯|程序調試|程序除錯|代碼調試|程式碼除錯|應用程式除錯|應用程序調試|debug my code|debugging my code",
        PLAIN,
    ),
    t(
        "application error",
        "application error|app error|internal server error|bad gateway|500 error|應用程式錯誤|\
         應用程序錯誤|網站報錯|程序報錯|php error",
        PLAIN,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_names_a_rule_and_has_spellings() {
        assert_eq!(RULES.len(), usize::from(WARP) + 1);
        for term in CIRCUMVENTION.iter().chain(OUT_OF_SCOPE) {
            assert!(usize::from(term.rule) < RULES.len(), "{}", term.canon);
            assert!(
                term.spellings.split('|').all(|s| !s.trim().is_empty()),
                "{}",
                term.canon
            );
        }
    }
}
