# 利群主機支援工單元件，繁體中文。
# 群組與類別名稱、受理範圍、不受理說明與重要聲明逐字沿用《工單受理範圍條款》
# （shared/seed/scope-of-service.txt）原文，請與條款同步修改（tests/seed_wording.rs 會比對）。
# 與條款原文僅有以下排版差異：
# - 條款中文句內的半形標點 ( ) , : 寫作全形 （ ） ， ：，「（」前的空格隨之省略。
#   (The seed's half-width ( ) , : in Chinese sentences are written full-width; no space before （.)
# 「一般使用問題」一條拆成兩則訊息：受理範圍，以及緊接其後的不受理說明（「請注意：……」）。

widget-title = 開立支援工單
widget-intro = 為了提升服務效率並確保您的問題能得到及時處理，利群主機只受理服務範圍內的工單。請選擇最接近您問題的類別，每個類別都列出受理範圍。
lang-switch-label = 語言
lang-name-en = English
lang-name-zh-hant = 繁體中文
lang-name-zh-hans = 简体中文
# 文中清單各項之間（政策用語、機密種類、躍點主機），以及合併顯示的兩個句子之間。
list-separator = 、
sentence-separator = {""}
lang-load-failed = 無法載入所選的語言。請檢查網路連線後再試；您輸入的內容都會保留。
step-progress = 第 { $current } 步，共 { $total } 步：{ $name }
step-category = 問題類別
step-details = 詳細資料
step-review = 確認內容
step-done = 已送出

## 類別

group-picker-legend = 您需要哪一類協助？
category-picker-legend = 問題類別
scope-not-covered = 不受理
group-inquiry-title = 諮詢類別
group-inquiry-intro = 價格、套組配置、優惠與退款。
group-technical-title = 技術類別
group-technical-intro = 需要我方檢查的伺服器或網路問題。
group-china-title = 中國大陸合規專線
group-china-intro = 實名登記、違規通報及在中國大陸運營的相關事宜。

cat-inquiry-price-title = 價格諮詢
cat-inquiry-price-scope = 關於我們產品與服務的售價、續費價格等相關問題。
cat-inquiry-plan-title = 套組配置細則
cat-inquiry-plan-scope = 查詢具體服務套餐的硬體規格（CPU、記憶體、儲存）、流量額度及網路配置。
cat-inquiry-discount-title = 優惠索取
cat-inquiry-discount-scope = 詢問當前正在進行的促銷活動、優惠碼使用規則或長期客戶折扣。
cat-inquiry-refund-title = 退款
cat-inquiry-refund-scope = 根據我們的服務條款（TOS）申請退款之事宜。
cat-technical-boot-title = 無法開機
cat-technical-boot-scope = 您的伺服器或虛擬主機（VPS）作業系統無法啟動、卡在開機畫面等問題。
cat-technical-os-template-title = 模板安裝與使用
cat-technical-os-template-scope = 由我方提供的作業系統模板（OS Template）安裝失敗或基本使用問題。
cat-technical-nic-title = 單網卡能否通網
cat-technical-nic-scope = 主機網路連線中斷或無法存取，需要我方從後端進行檢查。
cat-technical-ip-title = IP 位址諮詢
cat-technical-ip-scope = 查詢已分配給您的 IP 位址、網關、子網路遮罩等資訊。
cat-technical-routing-title = 路由報障
cat-technical-routing-scope = 報告特定方向的網路延遲過高、丟包或無法連線問題（請附上 MTR 或路由追蹤報告）。
cat-technical-general-title = 一般使用問題
cat-technical-general-scope = 主機的重開機、重設密碼等在控制台內的基本操作。
cat-technical-general-excluded = 請注意：此項不包含任何客戶自行安裝的軟體之技術支援（例如：網站環境配置、資料庫管理、應用程式除錯等）。
cat-china-kyc-title = KYC（實名登記）
cat-china-kyc-scope = 協助處理及提交符合中國大陸法律要求的實名認證資料。
cat-china-kyc-notice = 請勿透過此表單傳送身分證件或證件號碼。請說明您需要的協助，客服會以電子郵件回覆安全提交 KYC 資料的方式。
cat-china-abuse-title = 違規、通報與法律諮詢
cat-china-abuse-scope = 處理來自中國大陸的濫用投訴、違規內容通報及相關法律問題初步諮詢。
cat-china-procedures-title = 中國大陸常見處理辦法諮詢
cat-china-procedures-scope = 關於域名備案、伺服器內容限制等中國大陸特有規範的處理流程諮詢。
cat-china-product-line-title = 中國大陸特色導致的產品線諮詢
cat-china-product-line-scope = 因應中國大陸特殊網路環境而設的產品（如CN2、BGP等）之適用性諮詢。
cat-china-other-title = 其他中國大陸內容
cat-china-other-scope = 其他所有與在中國大陸地區運營相關的合規性事宜。

notice-circumvention-title = 重要聲明
notice-circumvention = 我們明確不受理任何關於「翻牆軟體」（如 VPN、Shadowsocks、V2Ray、代理等）的安裝、配置、除錯或使用方法的諮詢。任何與此相關的工單將會被直接關閉，恕不另行通知。

## 欄位

required-mark = （必填）
field-email-label = 電子郵件
field-email-hint = 客服會回覆到這個地址。
field-name-label = 姓名
field-name-hint = 客服該如何稱呼您（選填）。
field-service-label = 服務
field-service-hint = 此工單相關伺服器的主機名稱、IP 位址或服務編號。
field-subject-label = 主旨
field-subject-hint = 用一句話概括問題。
field-message-label = 內容
field-message-hint = 發生了什麼、從何時開始，以及您已嘗試過的做法。
field-ip-label = 相關 IP 位址
field-ip-hint = 控制台顯示的位址，例如 203.0.113.25。
field-trace-label = MTR 或路由追蹤報告
field-trace-hint = 請貼上完整輸出，包括您執行的指令。
field-direction-label = 問題方向
field-direction-hint = 緩慢或中斷的連線是往哪個方向。
direction-placeholder = 請選擇…
direction-to-server = 從我的所在地連往伺服器
direction-from-server = 從伺服器連往其他目的地
direction-both = 雙向
field-os-template-label = 作業系統或模板
field-os-template-hint = 例如 Debian 12、Ubuntu 24.04 或 Windows Server 2022。
field-order-number-label = 訂單或帳單編號
field-order-number-hint = 與帳單上所列相同。

## 驗證訊息

err-required = 請填寫此欄位。
err-too-long = 內容超過長度上限，請精簡。
err-too-short = 請再多寫一些（至少 10 個字），方便客服協助您。
err-choice-invalid = 請從選項中選擇一項。
err-schema-unsupported = 此表單版本過舊，請重新載入頁面。
err-category-unknown = 請選擇問題類別。
err-locale-unknown = 不支援的語言，請重新載入頁面。
err-field-unknown = 此欄位不屬於所選的類別。
err-policy-unacknowledged = 您的工單提到翻牆軟體，請確認您已閱讀聲明。
err-email-no-at = 電子郵件地址需要包含 @，例如 name@example.com。
err-email-bad-local = @ 前面缺少內容。
err-email-bad-domain = @ 後面的部分不像網域名稱，例如 example.com。
err-email-spaces = 電子郵件地址不可包含空格。
err-email-local-dots = @ 前面的部分不可以句點開頭或結尾，也不可有兩個相連的句點。
err-email-local-too-long = @ 前面的部分太長：最多只能有 64 個字元。
err-email-invalid-char = 內容含有電子郵件地址不可使用的字元，例如 < > ( ) , ; : " 或第二個 @。
err-ip-leading-zero = 請去掉開頭的 0：寫成 10.0.0.1，而不是 010.000.000.001。
err-ip-zone-id = 請去掉 % 之後的介面名稱（例如 %eth0）。
err-ip-prefix = 請輸入單一位址，不要加上 /前綴長度。
err-ip-invalid = 這不是 IPv4 或 IPv6 位址，正確格式例如 203.0.113.25。
err-ip-too-long = 內容過長，請只輸入一個 IP 位址。
err-ip-hostname = 這是主機名稱。請輸入伺服器的 IP 位址，例如 203.0.113.25。
err-ip-octet-count = IPv4 位址由四組以點分隔的數字組成，例如 203.0.113.25。
err-ip-octet-range = IPv4 位址的每組數字必須介於 0 到 255 之間。
err-ip-ipv6-format = IPv6 位址格式不正確：最多 8 組、每組 1 至 4 位十六進位數字，:: 只能出現一次。
err-ip-brackets = 請去掉位址外的方括號。
err-ip-port = 請去掉連接埠（例如 :22），只輸入位址。
err-ip-prefix-missing = 請加上前綴長度，例如 /24。
err-ip-prefix-range = 前綴長度必須介於 0–32（IPv4）或 0–128（IPv6）。
err-trace-too-large = 貼上的內容超過 256 KB，請只貼上報告本身。
err-trace-ping = 這是 ping 的輸出。請改用 mtr 或路由追蹤（見下方說明）。
err-trace-interfaces = 這是網路介面列表（ifconfig / ip addr），不是路由追蹤。
err-trace-no-hops = 這看起來不像 MTR 或路由追蹤報告：找不到編號的躍點。
category-required = 請選擇問題類別。
error-summary-title = 請修正以下項目：
# 上列清單的一項：欄位名稱與錯誤訊息。
error-summary-item = { $label }：{ $message }
err-trace-dns = 這是 DNS 查詢（nslookup 或 dig）的輸出，不是路由追蹤。請改為對伺服器執行 tracert 或 traceroute（見下方說明）。
err-trace-connections = 這是連線列表（netstat 或 ss），不是路由追蹤。請改為對伺服器執行 tracert 或 traceroute（見下方說明）。
err-trace-route-table = 這是路由表（route print 或 ip route），不是路由追蹤。請改為對伺服器執行 tracert 或 traceroute（見下方說明）。
err-trace-tnc-no-route = 這是未加 -TraceRoute 的 Test-NetConnection 輸出，沒有路由。請加上 -TraceRoute 再執行一次，或改用 tracert（見下方說明）。
err-trace-test-connection = 這是 PowerShell Test-Connection 的輸出，本表單無法讀取。請改用 tracert 或 Test-NetConnection -TraceRoute。
err-trace-nmap = 這是 nmap 的輸出，不是路由報告。請改用 tracert、traceroute 或 mtr（見下方說明）。

## IP 位址範圍

ip-public = 公網 IPv{ $version } 位址：{ $address }
ip-scope-private = { $address } 是私有（區域網路）位址，只能在內部網路使用。伺服器的公網位址可在控制台查看。
ip-scope-loopback = { $address } 是迴環位址，永遠代表「本機」。請提供伺服器的公網位址。
ip-scope-link-local = { $address } 是鏈路本地位址，只在單一網段有效。請提供伺服器的公網位址。
ip-scope-shared = { $address } 是您的網路供應商的電信級 NAT 位址（100.64.0.0/10），不是伺服器位址。
ip-scope-documentation = { $address } 是保留給文件範例的位址，不會分配給伺服器。
ip-scope-multicast = { $address } 是多播位址，不是伺服器位址。
ip-scope-unspecified = { $address } 是未指定位址，不可能屬於伺服器。
ip-scope-broadcast = { $address } 是廣播位址，不是伺服器位址。
ip-scope-reserved = { $address } 位於保留範圍，不會分配給伺服器。

## 路由追蹤摘要

trace-detected = 已辨識：{ $format }，共 { NUMBER($hops) } 個躍點
trace-destination = 目的地：{ $destination }
trace-reached-yes = 目的地有回應。
trace-reached-no = 目的地沒有回應。
trace-reached-unknown = 此報告無法看出目的地是否有回應。
trace-final-loss = 最後一跳丟包率：{ $loss }%
trace-loss-onset = 從第 { $hop } 跳開始丟包，並持續到最後。
trace-worst = 延遲最高：第 { $hop } 跳（平均 { $ms } 毫秒）。
trace-table-caption = 報告中的躍點
trace-col-hop = 躍點
trace-col-host = 主機
trace-col-loss = 丟包
trace-col-avg = 平均（毫秒）
trace-no-reply = 無回應
trace-mark-onset = 開始丟包
trace-mark-worst = 延遲最高
trace-howto-title = 如何取得報告
trace-howto-windows = Windows（命令提示字元）：tracert -d { $target }
trace-howto-macos = macOS（終端機）：traceroute -n { $target }　或使用 Homebrew 的 mtr：sudo mtr -rwc 100 { $target }
trace-howto-linux = Linux：mtr -rwc 100 { $target }　或：traceroute -n { $target }
trace-howto-target = 您伺服器的 IP
trace-both-directions = 同時提供雙向報告（從您連往伺服器，以及從伺服器連回您的 IP），能幫助客服更快找出問題。

## 政策

policy-hint = 您的內容提到 { $terms }。與翻牆軟體相關的工單會被直接關閉，恕不另行通知。
policy-dialog-title = 送出前請注意
policy-dialog-found = 您的工單提到：{ $terms }
policy-dialog-edit = 修改我的工單
policy-dialog-confirm = 仍要送出，我了解工單可能被關閉
out-of-scope-hint = 您的內容提到 { $terms }。
out-of-scope-still = 您仍可送出工單，客服會說明我方能從後端檢查的部分。
secrets-hint = 您的工單似乎包含{ $kinds }。客服從不需要這些資料，請將其移除。私鑰一律不會送出。
secrets-remove = 幫我移除
secret-password = 密碼
secret-private-key = 私鑰
secret-api-token = API 權杖

## 確認、送出與完成

btn-next = 下一步
btn-back = 上一步
btn-submit = 送出工單
btn-retry = 重試
btn-new = 開立另一張工單
review-intro = 請核對您的工單。以下正是將送交利群主機客服的內容。
review-category = 問題類別
review-empty = （未填寫）
review-raw = 顯示將送出的資料（JSON）
status-sending = 正在送出工單…
status-network-error = 無法連線到客服伺服器。您的工單內容仍保留在此。
status-server-error = 客服伺服器發生問題（HTTP { $status }）。您的工單內容仍保留在此：請稍後重試。
status-rejected = 客服伺服器無法接受部分欄位，請在下方修正。
status-refused = 客服伺服器拒絕了此工單（HTTP { $status }）。{ $reason }
status-sending-again = 正在送出工單（第 { $attempt } 次嘗試）…
status-timeout = 客服伺服器未能及時回應。您的工單內容仍保留在此。
status-retrying = { $seconds } 秒後自動重試…
status-retrying-auto = 系統會自動重新送出。
status-offline = 您目前離線。工單已保留在此，恢復連線後會立即送出；您可以讓此頁面保持開啟。
btn-retry-now = 立即重試
copy-button = 以文字複製我的工單
copy-done = 已複製。請貼到電子郵件中寄給利群主機客服。
copy-done-to = 已複製。請貼到電子郵件中寄至 { $email }。
copy-manual = 您的瀏覽器不允許複製。請選取下方文字、複製後以電子郵件寄給利群主機客服。
copy-manual-to = 您的瀏覽器不允許複製。請選取下方文字、複製後以電子郵件寄至 { $email }。
draft-restored = 我們已還原您尚未送出的工單。
draft-discard = 捨棄草稿
draft-storage-unavailable = 此瀏覽器不允許儲存草稿（可能是無痕模式）。請在工單送出前保持此頁面開啟。
done-title = 已收到您的工單
done-reference = 您的工單編號
done-next = 客服會以電子郵件回覆至 { $email }。後續聯絡時請附上工單編號。
config-missing-endpoint = 此支援表單設定不正確（缺少 data-endpoint）。請以電子郵件聯絡客服。
config-title = 此支援表單設定不正確：
config-unknown-category = data-category 指定的工單類別或群組不存在：「{ $id }」。請自行選擇問題類別。
config-unknown-offered = data-categories 中的工單類別或群組不存在：「{ $id }」，已略過。
config-category-not-offered = 類別「{ $id }」不在此表單提供的類別（data-categories）之中。請自行選擇問題類別。
config-bad-endpoint = 此支援表單設定不正確：data-endpoint「{ $id }」不是可提交工單的網址。請以電子郵件聯絡客服。
config-bad-csrf-token = 此支援表單設定不正確：其 CSRF 權杖含有無法傳送的字元（例如換行）。請以電子郵件聯絡客服。
contact-email = 您也可以透過電子郵件聯絡客服：

## 送出：以淺白文字說明，不顯示伺服器的原始回應

status-busy = 客服伺服器目前忙碌中（HTTP { $status }）。您的工單內容仍保留在此。
status-too-fast = 客服伺服器要求再等幾秒才送出工單。您的工單內容仍保留在此。
refused-spam = 這份工單被當成自動提交：一個應留空的隱藏欄位被填寫了，可能是瀏覽器擴充功能所致。請複製您的工單，以電子郵件寄給客服。
honeypot-label = 此欄請留空
status-misconfigured = 此支援表單設定不正確，無法從此處送出工單。請複製您的工單，以電子郵件寄給客服。
refused-too-large = 工單內容過大：請縮短訊息或貼上的輸出內容。
refused-forbidden = 此表單可能已過期：請重新載入頁面（您輸入的內容會保留）後再次送出。
refused-wrong-address = 此表單設定的網址有誤。請複製您的工單，以電子郵件寄給客服。
refused-invalid = 客服伺服器無法接受目前格式的工單。請複製您的工單，以電子郵件寄給客服。
done-no-reference = 我們已收到您的工單，但客服伺服器沒有提供工單編號。客服將以電子郵件回覆您。
done-changes-as-new = 您的第一個版本已送達，編號為 { $first }。您其後的修改已作為新工單送出：{ $reference }。
done-changes-as-new-unknown = 此工單較早的版本已送達。您其後的修改已作為新工單送出。

## 草稿

draft-offer = 您曾在另一個分頁或先前的造訪中開始填寫一張工單。
draft-offer-continue = 繼續填寫該工單
draft-offer-fresh = 開立新工單
draft-secrets-masked = 您貼上的密碼、金鑰與權杖不會保存在此瀏覽器的草稿中，私密金鑰也永遠不會送出。
paste-too-long-chars = 此次貼上的內容有 { $size } 個字元，但此欄位最多只能輸入 { $max } 個字元。內容未貼上，您已輸入的文字均保留。
paste-too-long-bytes = 此次貼上的內容有 { $size } 位元組，但此欄位最多只能輸入 { $max } 位元組。內容未貼上，您已輸入的文字均保留。

## Attachments

field-attachments-label = 附件
attachments-limits = 選填。最多 { $count } 個檔案，每個不超過 { $each } MB，合計不超過 { $total } MB：PNG、JPEG、WebP、GIF、PDF，或文字檔與日誌（.txt、.log）。您也可以將檔案拖放到此處，或貼上螢幕截圖。
attachments-hint-inquiry-price = 最有幫助的是：您詢問的價格的螢幕截圖。
attachments-hint-inquiry-plan = 最有幫助的是：您詢問的方案的螢幕截圖。
attachments-hint-inquiry-discount = 最有幫助的是：優惠或優惠碼的螢幕截圖。
attachments-hint-inquiry-refund = 最有幫助的是：帳單或付款收據。
attachments-hint-technical-boot = 最有幫助的是：VNC 主控台的螢幕截圖。
attachments-hint-technical-os-template = 最有幫助的是：安裝日誌，或錯誤訊息的螢幕截圖。
attachments-hint-technical-nic = 最有幫助的是：顯示網路設定的 VNC 主控台螢幕截圖。
attachments-hint-technical-ip = 最有幫助的是：您看到的網路設定的螢幕截圖。
attachments-hint-technical-routing = 最有幫助的是：更多 MTR 報告，存成文字檔。
attachments-hint-technical-general = 最有幫助的是：控制台或錯誤訊息的螢幕截圖。
attachments-hint-china-kyc = 最有幫助的是：被退回的文件，或退回訊息的螢幕截圖。
attachments-hint-china-abuse = 最有幫助的是：您收到的投訴或通知。
attachments-hint-china-procedures = 最有幫助的是：您詢問的通知或文件。
attachments-hint-china-product-line = 最有幫助的是：您詢問的產品頁面的螢幕截圖。
attachments-hint-china-other = 最有幫助的是：與此事相關的文件或螢幕截圖。
attachments-refused = 未加入 { $name }：{ $message }
attachments-remove = 移除
attachments-remove-named = 移除 { $name }
attachments-size-bytes = { $size } 位元組
attachments-size-kb = { $size } KB
attachments-size-mb = { $size } MB
attachments-state-waiting = 等待上傳。
attachments-state-uploading = 上傳中…
attachments-state-uploaded = 已上傳。
attachments-state-offline = 您目前離線，恢復連線後會繼續上傳。
attachments-state-retrying = 上傳失敗，稍後會自動重試。
attachments-state-failed = 未能上傳：{ $message }請移除此檔案。
attachments-upload-failed = 支援伺服器未接受此檔案。
attachments-note-location-removed = 上傳前已移除這張相片的拍攝地點與相機資料。
attachments-note-metadata-removed = 上傳前已移除這張相片的相機資料。
attachments-note-metadata-unchecked = 無法檢查這張相片的資料：其中可能仍含有拍攝地點與相機資料。
attachments-note-key-removed = 上傳前已從此檔案移除私鑰：私鑰一律不會送出。
attachments-note-secrets = 此檔案似乎包含{ $kinds }。客服從不需要這些資料；若您無意送出，請移除此檔案。
attachments-note-circumvention = 此檔案提到 { $terms }。與翻牆軟體相關的工單會被直接關閉，恕不另行通知。
attachments-not-kept = 此瀏覽器無法保留您的檔案：若頁面在送出前重新載入，請重新加入檔案。
attachments-lost = 草稿中的這些檔案未能保留：{ $names }。請重新加入。
status-awaiting-files = 您的檔案仍在上傳，上傳完成後會立即送出工單。
status-files-refused = 有檔案未能上傳。請返回上一步移除該檔案，再重新送出。
err-attachment-too-large = 此檔案超過 10 MB。
err-attachment-too-many = 每張工單最多可附加 5 個檔案。
err-attachment-total-too-large = 所有檔案合計會超過 25 MB。
err-attachment-empty = 此檔案是空的，或無法讀取。
err-attachment-type-not-allowed = 只能附加 PNG、JPEG、WebP、GIF、PDF 以及文字檔或日誌。
err-attachment-type-mismatch = 檔案內容與其類型不符。
err-attachment-id-invalid = 此檔案的上傳未獲確認，請重新加入。
err-attachment-id-duplicate = 此檔案附加了兩次。
err-attachment-name-invalid = 無法使用此檔案名稱，請重新命名檔案。
err-attachment-sha256-invalid = 此檔案的上傳未獲確認，請重新加入。
err-attachment-unknown = 客服伺服器已沒有此檔案，正在重新上傳。
err-attachment-mismatch = 客服伺服器上的此檔案與您的不同，正在重新上傳。
