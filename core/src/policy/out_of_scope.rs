//! Software the customer installs themselves (web servers, databases,
//! panels, certificates, application errors): outside the support scope.
//! The list is `terms::OUT_OF_SCOPE`.

use super::TermMatch;
use super::matcher::Lexicon;
use super::normalize::Norm;
use super::terms::OUT_OF_SCOPE;
use std::sync::OnceLock;

pub(super) fn find(norm: &Norm) -> Vec<TermMatch> {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON
        .get_or_init(|| Lexicon::new(OUT_OF_SCOPE))
        .find(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        super::super::distinct_terms(&find(&Norm::new(text)))
    }

    #[test]
    fn finds_customer_software() {
        assert_eq!(
            terms("nginx reverse proxy to Node.js"),
            ["nginx", "reverse proxy", "Node.js"]
        );
        assert_eq!(
            terms("寶塔面板裝的 MySQL 資料庫連不上"),
            ["寶塔", "MySQL", "資料庫"]
        );
        assert_eq!(terms("网站环境 和 程序调试"), ["網站環境", "程式除錯"]);
        assert_eq!(
            terms("Let's Encrypt / certbot renew fails"),
            ["SSL certificate"]
        );
    }

    #[test]
    fn an_ip_database_is_not_customer_software() {
        assert!(terms("my IP shows the wrong country in the GeoIP database").is_empty());
    }
}
