//! One test per scope-guard rule, through the public API.

use ticket_core::policy::{self, TermMatch};

/// (canonical term, matched original text) of each circumvention match.
fn circ(text: &str) -> Vec<(String, &str)> {
    spans(text, &policy::circumvention_terms(text))
}

fn spans<'a>(text: &'a str, found: &[TermMatch]) -> Vec<(String, &'a str)> {
    found
        .iter()
        .map(|m| (m.term.clone(), &text[m.start..m.end]))
        .collect()
}

fn terms(text: &str) -> Vec<String> {
    policy::distinct_terms(&policy::circumvention_terms(text))
}

fn oos(text: &str) -> Vec<String> {
    policy::distinct_terms(&policy::check(text).out_of_scope)
}

fn secrets(text: &str) -> Vec<(String, &str)> {
    spans(text, &policy::check(text).secrets)
}

#[track_caller]
fn assert_clean(texts: &[&str]) {
    for t in texts {
        assert!(terms(t).is_empty(), "{t:?} flagged {:?}", terms(t));
    }
}

#[test]
fn named_software_in_english() {
    for (text, want) in [
        ("Please help me install V2Ray", "V2Ray"),
        ("v2rayNG on Android", "V2Ray"),
        ("ExpressVPN app", "ExpressVPN"),
        ("express vpn", "ExpressVPN"),
        ("NordVPN", "NordVPN"),
        ("Surfshark", "Surfshark"),
        ("my own LetsVPN", "VPN"),
        ("shadowsocks-libev", "Shadowsocks"),
        ("ShadowsocksR", "ShadowsocksR"),
        ("Xray core", "Xray"),
        ("3x-ui panel", "Xray"),
        ("vmess link", "VMess"),
        ("VLESS + XTLS", "VLESS"),
        ("trojan-go", "Trojan"),
        ("Clash Verge", "Clash"),
        ("sing-box", "sing-box"),
        ("Hysteria2", "Hysteria"),
        ("NaiveProxy", "NaiveProxy"),
        ("brook wsserver", "Brook"),
        ("Outline Manager", "Outline"),
        ("WireGuard", "WireGuard"),
        ("wg-quick up wg0", "WireGuard"),
        ("OpenVPN", "OpenVPN"),
        ("a Tor relay", "Tor"),
        ("socks5 on 1080", "SOCKS5"),
        ("set up a proxy", "proxy"),
        ("the Great Firewall", "GFW"),
        ("Shadowrocket", "Shadowrocket"),
    ] {
        assert_eq!(
            terms(text).first().map(String::as_str),
            Some(want),
            "{text}"
        );
    }
}

#[test]
fn chinese_terms_in_both_scripts() {
    for (text, want) in [
        ("想翻牆", "翻牆"),
        ("想翻墙", "翻牆"),
        ("搭梯子", "梯子"),
        ("科學上網", "科學上網"),
        ("科学上网", "科學上網"),
        ("魔法上网", "科學上網"),
        ("IP 被牆", "被牆"),
        ("ip被墙了", "被牆"),
        ("防火长城", "GFW"),
        ("小火箭", "Shadowrocket"),
        ("酸酸乳", "ShadowsocksR"),
        ("架設代理伺服器", "代理"),
        ("全局代理", "代理"),
        ("自建機場", "機場"),
        ("机场订阅", "機場"),
        ("免费节点", "節點"),
        ("節點訂閱", "節點"),
        ("虛擬專用網", "VPN"),
    ] {
        assert_eq!(terms(text), [want], "{text}");
    }
}

#[test]
fn spelling_tricks_are_seen_through() {
    for (text, want) in [
        ("V 2 R a y", "V2Ray"),
        ("S.h.a.d.o.w.s.o.c.k.s", "Shadowsocks"),
        ("shadow socks", "Shadowsocks"),
        ("V-P-N", "VPN"),
        ("a V.P.N", "VPN"),
        ("ＶＰＮ", "VPN"),
        ("ｖ２ｒａｙ", "V2Ray"),
        ("V\u{200B}2\u{200C}Ray", "V2Ray"),
        ("V\u{00AD}PN", "VPN"),
        ("VРN", "VPN"),
        ("𝐕𝐏𝐍", "VPN"),
        ("ⓋⓅⓃ", "VPN"),
        ("V̶P̶N̶", "VPN"),
        ("翻 牆", "翻牆"),
        ("科.學.上.網", "科學上網"),
        ("梯\u{200B}子", "梯子"),
    ] {
        assert_eq!(terms(text), [want], "{text:?}");
    }
}

#[test]
fn ranges_point_into_the_original_text() {
    let text = "請問 ＶＰＮ 和 S h a d o w s o c k s，還有翻牆";
    assert_eq!(
        circ(text),
        [
            ("VPN".into(), "ＶＰＮ"),
            ("Shadowsocks".into(), "S h a d o w s o c k s"),
            ("翻牆".into(), "翻牆"),
        ]
    );
}

#[test]
fn words_that_only_look_alike_are_clean() {
    assert_clean(&[
        "My VPS does not boot",
        "VPS-2 vs VPS-4",
        "wrong IP address",
        "classes and addresses",
        "SSD plan",
        "SSH refused",
        "SSL handshake",
        "S S D",
        "C L A S S",
        "I'd like an X-ray of the route",
        "vpns2",
        "haproxy",
        "naive question",
        "the outline of my question",
        "Please outline the steps",
    ]);
}

#[test]
fn ss_needs_shadowsocks_context() {
    assert_eq!(terms("搭建SS"), ["Shadowsocks"]);
    assert_eq!(terms("ss节点"), ["Shadowsocks", "節點"]);
    assert_eq!(terms("my ss server"), ["Shadowsocks"]);
    assert_eq!(terms("SS/SSR"), ["Shadowsocks", "ShadowsocksR"]);
    assert_eq!(terms("ss://abc@1.2.3.4:8388"), ["Shadowsocks"]);
    assert_eq!(terms("V2Ray and SS"), ["V2Ray", "Shadowsocks"]);
    assert_clean(&[
        "ss -tlnp shows nothing",
        "用ss看端口: ss -lntp",
        "see the SS attached",
        "香港節點的主機 ss -tlnp 看不到 22 端口",
    ]);
}

#[test]
fn ssr_is_not_server_side_rendering() {
    assert_eq!(terms("SSR 掉線"), ["ShadowsocksR"]);
    assert_clean(&["My Next.js SSR app is slow"]);
}

#[test]
fn proxy_in_web_serving_is_not_circumvention() {
    assert_clean(&[
        "nginx reverse proxy",
        "reverse-proxy",
        "proxy_pass http://127.0.0.1:3000",
        "proxy_set_header Host",
        "Cloudflare proxy is on",
        "Nginx Proxy Manager",
        "HAProxy PROXY protocol",
        "nginx 反向代理",
    ]);
    assert_eq!(oos("nginx reverse proxy"), ["nginx", "reverse proxy"]);
    assert_eq!(terms("I want a proxy for my browser"), ["proxy"]);
}

#[test]
fn daili_in_front_of_a_site_is_web_hosting() {
    assert_clean(&[
        "CDN 代理",
        "網站套了 CDN 代理加速",
        "Cloudflare 代理（橙色雲朵）",
        "用 Cloudflare 的代理模式",
        "小雲朵代理",
        "放在 CF 代理後面",
        "nginx 做 API 代理轉發",
        "反向代理伺服器",
        "源站被 CDN 代理",
        "a site behind Cloudflare's proxy",
        "the origin server behind a load balancer proxy",
    ]);
    // The same words without web serving before them are the other kind.
    assert_eq!(terms("VPS 上架設代理給手機用"), ["代理"]);
    assert_eq!(terms("想用代理模式上網"), ["代理"]);
    assert_eq!(terms("代理伺服器被牆了"), ["代理", "被牆"]);
    assert_eq!(terms("這個網站需要代理才能打開"), ["代理"]);
    assert_eq!(terms("HTTP 代理給瀏覽器用"), ["代理"]);
    assert_eq!(terms("I need a proxy for my browser"), ["proxy"]);
}

#[test]
fn rarer_tools_and_slang() {
    for (text, want) in [
        ("想用 VPS 爬牆", "翻牆"),
        ("fanqiang 節點", "翻牆"),
        ("kexue shangwang", "科學上網"),
        ("用 WARP 解鎖 Netflix", "WARP"),
        ("wgcf 生成配置", "WARP"),
        ("Cloudflare WARP 客戶端", "WARP"),
        ("機場太貴，自己搭節點", "機場"),
    ] {
        assert_eq!(
            terms(text).first().map(String::as_str),
            Some(want),
            "{text}"
        );
    }
    assert_clean(&[
        "the time warp in the logs",
        "warp speed deployment",
        "香港機場附近的機房延遲",
    ]);
}

#[test]
fn daili_is_not_the_reseller() {
    assert_clean(&[
        "我想成為代理商",
        "代理價格",
        "申请代理",
        "总代理",
        "代理人辦理 KYC",
        "我们公司想做你们的代理",
        "我是代理，幫客戶開的機器無法開機",
        "代理備案",
    ]);
    assert_eq!(terms("VPS 能架代理嗎"), ["代理"]);
    assert_eq!(terms("做代理服务器可以吗"), ["代理"]);
}

#[test]
fn airport_travel_is_clean() {
    assert_clean(&[
        "我在機場",
        "明天去机场",
        "機場快線旁邊的機房",
        "机场的wifi连不上我的服务器",
        "I am at the airport",
        "開機場景",
        "航班延誤，我在機場等",
    ]);
    assert_eq!(terms("机场跑路了"), ["機場"]);
    assert_eq!(terms("買機場還是自己搭"), ["機場"]);
    assert_eq!(terms("機場節點全部超時"), ["機場", "節點"]);
}

#[test]
fn node_as_a_hop_or_location_is_clean() {
    assert_clean(&["第 7 個節點開始丟包", "香港节点价格", "網路節點故障"]);
    assert_eq!(terms("免費節點都不能用"), ["節點"]);
}

#[test]
fn trojan_malware_is_an_abuse_report() {
    assert_clean(&[
        "Abuse report: our scanner detected a Trojan on 203.0.113.20",
        "Trojan horse found by ClamAV",
        "中了木馬 trojan 在挖礦",
        "Trojan.GenericKD detected",
    ]);
    assert_eq!(terms("trojan 协议怎么配置"), ["Trojan"]);
    assert_eq!(terms("trojan-go on 443"), ["Trojan"]);
}

#[test]
fn clash_the_word_is_clean() {
    assert_clean(&[
        "There is an IP address clash on my subnet",
        "a port clash with nginx",
        "names clash between two configs",
    ]);
    assert_eq!(terms("clash 訂閱導入失敗"), ["Clash"]);
    assert_eq!(terms("ClashX"), ["Clash"]);
}

#[test]
fn brook_and_outline_need_context() {
    assert_clean(&[
        "Brook from billing asked me to open a ticket",
        "Please outline the steps to reinstall",
    ]);
    assert_eq!(terms("brook server 跑不起來"), ["Brook"]);
    assert_eq!(terms("Outline 伺服器連不上"), ["Outline"]);
}

#[test]
fn routing_and_product_line_questions_are_clean() {
    assert_clean(&[
        "CN2 GIA 線路價格",
        "BGP 线路",
        "去程走 CN2 回程走 163",
        "能否加速回国线路",
        "IP 被封了嗎？請查一下 abuse 記錄",
        "牆壁插座",
        "IP被墙壁挡住 wifi",
    ]);
}

#[test]
fn out_of_scope_software() {
    for (text, want) in [
        ("nginx 502", "nginx"),
        ("Apache2 vhost", "Apache"),
        ("MariaDB crashed", "MariaDB"),
        ("postgres won't start", "PostgreSQL"),
        ("WordPress plugin", "WordPress"),
        ("docker-compose up", "Docker"),
        ("PHP 8.2", "PHP"),
        ("php-fpm", "PHP"),
        ("node.js app", "Node.js"),
        ("certbot renew", "SSL certificate"),
        ("SSL certificate install", "SSL certificate"),
        ("SSL證書安裝", "SSL certificate"),
        ("cPanel login", "cPanel"),
        ("宝塔面板", "寶塔"),
        ("寶塔", "寶塔"),
        ("網站環境", "網站環境"),
        ("网站环境", "網站環境"),
        ("資料庫", "資料庫"),
        ("数据库", "資料庫"),
        ("程式除錯", "程式除錯"),
        ("程序调试", "程式除錯"),
        ("500 Internal Server Error", "application error"),
    ] {
        assert_eq!(oos(text).first().map(String::as_str), Some(want), "{text}");
    }
    for text in [
        "My VPS does not boot",
        "GeoIP database shows the wrong country",
        "SSL handshake fails",
    ] {
        assert!(oos(text).is_empty(), "{text}: {:?}", oos(text));
    }
}

#[test]
fn private_keys_are_whole_blocks() {
    let key =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabcd\n-----END RSA PRIVATE KEY-----";
    let text = format!("here:\n{key}\nthanks");
    assert_eq!(secrets(&text), [("private key".into(), key)]);
    let openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----";
    assert_eq!(secrets(openssh), [("private key".into(), openssh)]);
    let cut = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg";
    assert_eq!(secrets(cut), [("private key".into(), cut)]);
    assert!(secrets("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----").is_empty());
    assert!(secrets("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI user@host").is_empty());
}

#[test]
fn passwords() {
    for (text, want) in [
        ("password: Hunter2!", "Hunter2!"),
        ("Password:\n  hunter22", "hunter22"),
        ("pass=abcd1234", "abcd1234"),
        ("MYSQL_ROOT_PASSWORD=s3cret", "s3cret"),
        ("root password is Xy9#pq12", "Xy9#pq12"),
        ("pwd: 1234", "1234"),
        ("密碼:Abc12345", "Abc12345"),
        ("密码：Abc12345。", "Abc12345"),
        ("root 密码是 qwe123456", "qwe123456"),
        ("密碼為「abc 123」", "abc 123"),
        ("postgres://app:pa55w0rd@db:5432/app", "pa55w0rd"),
    ] {
        assert_eq!(secrets(text), [("password".into(), want)], "{text:?}");
    }
    for text in [
        "my password is wrong",
        "password reset does not work",
        "Password: ********",
        "忘記密碼怎麼辦",
        "密码是多少",
        "密码：请看附件",
        "the passport photo",
        "bypass=1",
    ] {
        assert!(secrets(text).is_empty(), "{text:?}: {:?}", secrets(text));
    }
}

#[test]
fn api_tokens() {
    for (text, want) in [
        (
            "token: 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
            "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        ),
        (
            "api key = \"AbCdEf1234567890GhIjKlMn\"",
            "AbCdEf1234567890GhIjKlMn",
        ),
        (
            "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0",
        ),
        (
            "ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0dF2hJ",
            "ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0dF2hJ",
        ),
        (
            "key sk-proj-abc123def456ghi789jkl012",
            "sk-proj-abc123def456ghi789jkl012",
        ),
        ("AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        (
            "API 密鑰：Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1",
            "Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1",
        ),
    ] {
        assert_eq!(secrets(text), [("API token".into(), want)], "{text:?}");
    }
    for text in [
        "the token is invalid",
        "api key expired",
        "sk-learn",
        "task-scheduler-service-2024",
        "AKIA is not a key",
        "token: aaaaaaaaaaaaaaaaaaaaaaaa",
    ] {
        assert!(secrets(text).is_empty(), "{text:?}: {:?}", secrets(text));
    }
}

#[test]
fn redaction_removes_values_and_blocks() {
    let text = "root password: Hunter2!\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----\ntoken ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0dF2hJ ok";
    let report = policy::check(text);
    assert_eq!(
        policy::redact_secrets(text, &report.secrets),
        "root password: [removed]\n[removed]\ntoken [removed] ok"
    );
    assert_eq!(policy::REDACTION_MARKER, "[removed]");
    // Ranges that do not fit are ignored, overlapping ones merged.
    let odd = [
        TermMatch {
            term: "x".into(),
            start: 1,
            end: 2,
        },
        TermMatch {
            term: "x".into(),
            start: 0,
            end: 3,
        },
        TermMatch {
            term: "x".into(),
            start: 4,
            end: 99,
        },
    ];
    assert_eq!(policy::redact_secrets("密碼ab", &odd), "[removed]碼ab");
}

#[test]
fn distinct_terms_keep_first_appearance_order() {
    let found = policy::circumvention_terms("VPN, 翻牆, vpn again, V2Ray, 翻墙");
    assert_eq!(policy::distinct_terms(&found), ["VPN", "翻牆", "V2Ray"]);
    assert_eq!(found.len(), 5);
}
