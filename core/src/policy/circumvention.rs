//! Circumvention software and talk (VPN, Shadowsocks, V2Ray, 翻牆, 梯子 …):
//! the provider closes tickets about it. The list is `terms::CIRCUMVENTION`.

use super::TermMatch;
use super::matcher::Lexicon;
use super::normalize::Norm;
use super::terms::CIRCUMVENTION;
use std::sync::OnceLock;

pub(super) fn find(norm: &Norm) -> Vec<TermMatch> {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON
        .get_or_init(|| Lexicon::new(CIRCUMVENTION))
        .find(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        super::super::distinct_terms(&find(&Norm::new(text)))
    }

    #[test]
    fn ambiguous_terms_need_context() {
        assert_eq!(terms("請問可以搭建SS嗎"), ["Shadowsocks"]);
        assert!(terms("ss -tlnp shows nothing on port 22").is_empty());
        assert_eq!(
            terms("ss://YWVzLTI1Ni1nY206cGFzcw@1.2.3.4:8388"),
            ["Shadowsocks"]
        );
        assert!(terms("我下週去機場，工單晚點回覆").is_empty());
        assert_eq!(terms("我想自建機場賣訂閱"), ["機場"]);
        assert!(terms("路由追蹤在第 5 個節點開始丟包").is_empty());
        assert_eq!(terms("免費節點訂閱連結打不開"), ["節點"]);
        assert!(terms("我想成為你們的代理商").is_empty());
        assert_eq!(terms("VPS 上能不能架設代理給手機用"), ["代理"]);
        assert!(terms("There is a port clash with another service").is_empty());
        assert_eq!(terms("clash 訂閱導入失敗"), ["Clash"]);
    }

    #[test]
    fn weak_terms_count_beside_a_strong_one() {
        assert_eq!(terms("V2Ray 和 SS 都連不上"), ["V2Ray", "Shadowsocks"]);
    }
}
