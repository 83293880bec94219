# 利群主机技术支持工单组件，简体中文（面向中国大陆用户）。
# 分组与类别名称、受理范围、不受理说明与重要声明译自《工单受理范围条款》繁体中文原文
# （shared/seed/scope-of-service.txt），条款修改时请同步修改本文件及另外两种语言。
# 这不是逐字的繁简转换：凡两岸用词不同之处，均采用中国大陆用语。与条款原文相比：
# - 字形改为简体字。
# - 用词改为中国大陆用语，例如：資訊 → 信息、伺服器 → 服务器、記憶體 → 内存、硬體 → 硬件、
#   儲存 → 存储、網路 → 网络、作業系統 → 操作系统、位址 → 地址、子網路遮罩 → 子网掩码、
#   軟體 → 软件、應用程式除錯 → 应用程序调试、資料庫 → 数据库、套組 → 套餐、
#   重開機 → 重启、重設 → 重置、後端 → 后台、開機畫面 → 启动界面、存取 → 访问、
#   連線 → 连接、通報 → 举报、實名登記 → 实名认证。
# - 条款中文句内的半角标点 ( ) , : 写作全角 （ ） ， ：，“（”前的空格随之省略；
#   「」写作“”。
#   (Simplified characters and mainland terms, not a character-by-character conversion of
#   the seed; the seed's half-width ( ) , : in Chinese sentences are written full-width,
#   no space before （; 「」 become “”.)
# “一般使用问题”一条拆成两条消息：受理范围，以及紧随其后的不受理说明（“请注意：……”）。

widget-title = 提交技术支持工单
widget-intro = 为了提高服务效率并确保您的问题得到及时处理，利群主机只受理服务范围内的工单。请选择最接近您问题的类别，每个类别都列出了受理范围。
lang-switch-label = 语言
lang-name-en = English
lang-name-zh-hant = 繁體中文
lang-name-zh-hans = 简体中文
# 文中列表各项之间（政策用语、敏感信息种类、跃点主机），以及合并显示的两个句子之间。
list-separator = 、
sentence-separator = {""}
lang-load-failed = 无法加载所选语言。请检查网络连接后重试；您输入的内容都会保留。
step-progress = 第 { $current } 步，共 { $total } 步：{ $name }
step-category = 问题类别
step-details = 详细信息
step-review = 确认内容
step-done = 已提交

## 类别

group-picker-legend = 您需要哪一类帮助？
category-picker-legend = 问题类别
scope-not-covered = 不受理
group-inquiry-title = 咨询类别
group-inquiry-intro = 价格、套餐配置、优惠与退款。
group-technical-title = 技术类别
group-technical-intro = 需要我方检查的服务器或网络问题。
group-china-title = 中国大陆合规专线
group-china-intro = 实名认证、违规举报及在中国大陆运营的相关事宜。

cat-inquiry-price-title = 价格咨询
cat-inquiry-price-scope = 关于我们产品与服务的售价、续费价格等相关问题。
cat-inquiry-plan-title = 套餐配置细则
cat-inquiry-plan-scope = 查询具体服务套餐的硬件规格（CPU、内存、存储）、流量额度及网络配置。
cat-inquiry-discount-title = 优惠索取
cat-inquiry-discount-scope = 询问当前正在进行的促销活动、优惠码使用规则或长期客户折扣。
cat-inquiry-refund-title = 退款
cat-inquiry-refund-scope = 根据我们的服务条款（TOS）申请退款的相关事宜。
cat-technical-boot-title = 无法开机
cat-technical-boot-scope = 您的服务器或虚拟主机（VPS）操作系统无法启动、卡在启动界面等问题。
cat-technical-os-template-title = 模板安装与使用
cat-technical-os-template-scope = 由我方提供的操作系统模板（OS Template）安装失败或基本使用问题。
cat-technical-nic-title = 单网卡能否通网
cat-technical-nic-scope = 主机网络连接中断或无法访问，需要我方从后台进行检查。
cat-technical-ip-title = IP 地址咨询
cat-technical-ip-scope = 查询已分配给您的 IP 地址、网关、子网掩码等信息。
cat-technical-routing-title = 路由报障
cat-technical-routing-scope = 报告特定方向的网络延迟过高、丢包或无法连接问题（请附上 MTR 或路由追踪报告）。
cat-technical-general-title = 一般使用问题
cat-technical-general-scope = 主机的重启、重置密码等在控制台内的基本操作。
cat-technical-general-excluded = 请注意：此项不包含任何客户自行安装的软件的技术支持（例如：网站环境配置、数据库管理、应用程序调试等）。
cat-china-kyc-title = KYC（实名认证）
cat-china-kyc-scope = 协助处理及提交符合中国大陆法律要求的实名认证资料。
cat-china-kyc-notice = 请勿通过此表单发送身份证件或证件号码。请说明您需要的帮助，客服会通过电子邮件回复安全提交 KYC 资料的方式。
cat-china-abuse-title = 违规、举报与法律咨询
cat-china-abuse-scope = 处理来自中国大陆的滥用投诉、违规内容举报及相关法律问题的初步咨询。
cat-china-procedures-title = 中国大陆常见处理办法咨询
cat-china-procedures-scope = 关于域名备案、服务器内容限制等中国大陆特有规定的处理流程咨询。
cat-china-product-line-title = 中国大陆特色导致的产品线咨询
cat-china-product-line-scope = 针对中国大陆特殊网络环境而设的产品（如 CN2、BGP 等）的适用性咨询。
cat-china-other-title = 其他中国大陆内容
cat-china-other-scope = 其他所有与在中国大陆地区运营相关的合规事宜。

notice-circumvention-title = 重要声明
notice-circumvention = 我们明确不受理任何关于“翻墙软件”（如 VPN、Shadowsocks、V2Ray、代理等）的安装、配置、调试或使用方法的咨询。任何与此相关的工单将被直接关闭，恕不另行通知。

## 字段

required-mark = （必填）
field-email-label = 电子邮箱
field-email-hint = 客服会回复到这个邮箱。
field-name-label = 姓名
field-name-hint = 客服应如何称呼您（选填）。
field-service-label = 服务
field-service-hint = 此工单相关服务器的主机名、IP 地址或服务编号。
field-subject-label = 主题
field-subject-hint = 用一句话概括问题。
field-message-label = 内容
field-message-hint = 发生了什么、从什么时候开始，以及您已经尝试过的方法。
field-ip-label = 相关 IP 地址
field-ip-hint = 控制台中显示的地址，例如 203.0.113.25。
field-trace-label = MTR 或路由追踪报告
field-trace-hint = 请粘贴完整输出，包括您运行的命令。
field-direction-label = 问题方向
field-direction-hint = 缓慢或中断的连接是哪个方向的。
direction-placeholder = 请选择…
direction-to-server = 从我所在的位置到服务器
direction-from-server = 从服务器到其他目的地
direction-both = 双向
field-os-template-label = 操作系统或模板
field-os-template-hint = 例如 Debian 12、Ubuntu 24.04 或 Windows Server 2022。
field-order-number-label = 订单号或账单号
field-order-number-hint = 与账单上所列的一致。

## 验证消息

err-required = 请填写此项。
err-too-long = 内容超出长度上限，请精简。
err-too-short = 请再多写一些（至少 10 个字），方便客服为您处理。
err-choice-invalid = 请从选项中选择一项。
err-schema-unsupported = 此表单版本过旧，请刷新页面。
err-category-unknown = 请选择问题类别。
err-locale-unknown = 不支持的语言，请刷新页面。
err-field-unknown = 此字段不属于所选类别。
err-policy-unacknowledged = 您的工单提到了翻墙软件，请确认您已阅读声明。
err-email-no-at = 电子邮箱地址需要包含 @，例如 name@example.com。
err-email-bad-local = @ 前面缺少内容。
err-email-bad-domain = @ 后面的部分看起来不像域名，例如 example.com。
err-email-spaces = 电子邮箱地址不能包含空格。
err-email-local-dots = @ 前面的部分不能以点号开头或结尾，也不能有两个连续的点号。
err-email-local-too-long = @ 前面的部分太长：最多只能有 64 个字符。
err-email-invalid-char = 内容含有电子邮箱地址不能使用的字符，例如 < > ( ) , ; : " 或第二个 @。
err-ip-leading-zero = 请去掉开头的 0：写成 10.0.0.1，而不是 010.000.000.001。
err-ip-zone-id = 请去掉 % 之后的接口名称（例如 %eth0）。
err-ip-prefix = 请输入单个地址，不要加 /前缀长度。
err-ip-invalid = 这不是 IPv4 或 IPv6 地址，正确格式例如 203.0.113.25。
err-ip-too-long = 内容过长，请只输入一个 IP 地址。
err-ip-hostname = 这是主机名。请输入服务器的 IP 地址，例如 203.0.113.25。
err-ip-octet-count = IPv4 地址由四组以点号分隔的数字组成，例如 203.0.113.25。
err-ip-octet-range = IPv4 地址的每组数字必须在 0 到 255 之间。
err-ip-ipv6-format = IPv6 地址格式不正确：最多 8 组、每组 1 至 4 位十六进制数字，:: 只能出现一次。
err-ip-brackets = 请去掉地址外的方括号。
err-ip-port = 请去掉端口号（例如 :22），只输入地址。
err-ip-prefix-missing = 请加上前缀长度，例如 /24。
err-ip-prefix-range = 前缀长度必须在 0–32（IPv4）或 0–128（IPv6）之间。
err-trace-too-large = 粘贴的内容超过 256 KB，请只粘贴报告本身。
err-trace-ping = 这是 ping 的输出。请改用 mtr 或路由追踪（见下方说明）。
err-trace-interfaces = 这是网络接口列表（ifconfig / ip addr），不是路由追踪。
err-trace-no-hops = 这看起来不像 MTR 或路由追踪报告：找不到带编号的跃点。
err-trace-dns = 这是 DNS 查询（nslookup 或 dig）的输出，不是路由追踪。请改为对服务器运行 tracert 或 traceroute（见下方说明）。
err-trace-connections = 这是连接列表（netstat 或 ss），不是路由追踪。请改为对服务器运行 tracert 或 traceroute（见下方说明）。
err-trace-route-table = 这是路由表（route print 或 ip route），不是路由追踪。请改为对服务器运行 tracert 或 traceroute（见下方说明）。
err-trace-tnc-no-route = 这是未加 -TraceRoute 的 Test-NetConnection 输出，没有路由。请加上 -TraceRoute 再运行一次，或改用 tracert（见下方说明）。
err-trace-test-connection = 这是 PowerShell Test-Connection 的输出，本表单无法读取。请改用 tracert 或 Test-NetConnection -TraceRoute。
err-trace-nmap = 这是 nmap 的输出，不是路由报告。请改用 tracert、traceroute 或 mtr（见下方说明）。
category-required = 请选择问题类别。
error-summary-title = 请修正以下各项：
# 上述列表的一项：字段名称与错误消息。
error-summary-item = { $label }：{ $message }

## IP 地址范围

ip-public = 公网 IPv{ $version } 地址：{ $address }
ip-scope-private = { $address } 是私有（局域网）地址，只能在内部网络中使用。服务器的公网地址可在控制台查看。
ip-scope-loopback = { $address } 是环回地址，始终代表“本机”。请提供服务器的公网地址。
ip-scope-link-local = { $address } 是链路本地地址，只在单个网段内有效。请提供服务器的公网地址。
ip-scope-shared = { $address } 是您的网络运营商的运营商级 NAT 地址（100.64.0.0/10），不是服务器地址。
ip-scope-documentation = { $address } 是保留给文档示例的地址，不会分配给服务器。
ip-scope-multicast = { $address } 是组播地址，不是服务器地址。
ip-scope-unspecified = { $address } 是未指定地址，不可能属于服务器。
ip-scope-broadcast = { $address } 是广播地址，不是服务器地址。
ip-scope-reserved = { $address } 位于保留范围，不会分配给服务器。

## 路由追踪摘要

trace-detected = 已识别：{ $format }，共 { NUMBER($hops) } 个跃点
trace-destination = 目的地：{ $destination }
trace-reached-yes = 目的地有响应。
trace-reached-no = 目的地没有响应。
trace-reached-unknown = 从此报告无法看出目的地是否有响应。
trace-final-loss = 最后一跳丢包率：{ $loss }%
trace-loss-onset = 从第 { $hop } 跳开始丢包，并一直持续到最后。
trace-worst = 延迟最高：第 { $hop } 跳（平均 { $ms } 毫秒）。
trace-table-caption = 报告中的跃点
trace-col-hop = 跃点
trace-col-host = 主机
trace-col-loss = 丢包
trace-col-avg = 平均（毫秒）
trace-no-reply = 无响应
trace-mark-onset = 开始丢包
trace-mark-worst = 延迟最高
trace-howto-title = 如何获取报告
trace-howto-windows = Windows（命令提示符）：tracert -d { $target }
trace-howto-macos = macOS（终端）：traceroute -n { $target }　或使用 Homebrew 安装的 mtr：sudo mtr -rwc 100 { $target }
trace-howto-linux = Linux：mtr -rwc 100 { $target }　或：traceroute -n { $target }
trace-howto-target = 您服务器的 IP
trace-both-directions = 同时提供双向报告（从您到服务器，以及从服务器回到您的 IP），能帮助客服更快找到问题。

## 政策

policy-hint = 您的内容提到了 { $terms }。与翻墙软件相关的工单会被直接关闭，恕不另行通知。
policy-dialog-title = 提交前请注意
policy-dialog-found = 您的工单提到了：{ $terms }
policy-dialog-edit = 修改我的工单
policy-dialog-confirm = 仍然提交，我知道工单可能会被关闭
out-of-scope-hint = 您的内容提到了 { $terms }。
out-of-scope-still = 您仍可提交工单，客服会说明我方能从后台检查哪些部分。
secrets-hint = 您的工单似乎包含{ $kinds }。客服从不需要这些信息，请将其删除。私钥一律不会发送。
secrets-remove = 帮我删除
secret-password = 密码
secret-private-key = 私钥
secret-api-token = API 令牌

## 确认、提交与完成

btn-next = 下一步
btn-back = 上一步
btn-submit = 提交工单
btn-retry = 重试
btn-new = 再提交一个工单
review-intro = 请核对您的工单。以下正是将发送给利群主机客服的内容。
review-category = 问题类别
review-empty = （未填写）
review-raw = 显示将要发送的数据（JSON）
status-sending = 正在提交工单…
status-network-error = 无法连接到客服服务器。您的工单内容仍保留在这里。
status-server-error = 客服服务器出现问题（HTTP { $status }）。您的工单内容仍保留在这里：请稍后重试。
status-rejected = 客服服务器无法接受部分字段，请在下方修正。
status-refused = 客服服务器拒绝了此工单（HTTP { $status }）。{ $reason }
status-sending-again = 正在提交工单（第 { $attempt } 次尝试）…
status-timeout = 客服服务器未能及时响应。您的工单内容仍保留在这里。
status-retrying = { $seconds } 秒后自动重试…
status-retrying-auto = 系统会自动重新提交。
status-offline = 您当前处于离线状态。工单已保留在这里，恢复联网后会立即提交；您可以让此页面保持打开。
btn-retry-now = 立即重试
copy-button = 以文本形式复制我的工单
copy-done = 已复制。请粘贴到电子邮件中发送给利群主机客服。
copy-done-to = 已复制。请粘贴到电子邮件中发送至 { $email }。
copy-manual = 您的浏览器不允许复制。请选中下方文本，复制后通过电子邮件发送给利群主机客服。
copy-manual-to = 您的浏览器不允许复制。请选中下方文本，复制后通过电子邮件发送至 { $email }。
draft-restored = 我们已恢复您尚未提交的工单。
draft-discard = 放弃草稿
draft-storage-unavailable = 此浏览器不允许保存草稿（可能处于无痕模式）。请在工单提交前保持此页面打开。
done-title = 已收到您的工单
done-reference = 您的工单编号
done-next = 客服会通过电子邮件回复至 { $email }。后续联系时请附上工单编号。
config-missing-endpoint = 此技术支持表单配置有误（缺少 data-endpoint）。请通过电子邮件联系客服。
config-title = 此技术支持表单配置有误：
config-unknown-category = data-category 指定的工单类别或分组不存在：“{ $id }”。请自行选择问题类别。
config-unknown-offered = data-categories 中的工单类别或分组不存在：“{ $id }”，已忽略。
config-category-not-offered = 类别“{ $id }”不在此表单提供的类别（data-categories）之中。请自行选择问题类别。
config-bad-endpoint = 此技术支持表单配置有误：data-endpoint“{ $id }”不是可提交工单的网址。请通过电子邮件联系客服。
config-bad-csrf-token = 此技术支持表单配置有误：其 CSRF 令牌含有无法发送的字符（例如换行符）。请通过电子邮件联系客服。
contact-email = 您也可以通过电子邮件联系客服：

## 提交：用通俗的话说明，不显示服务器的原始响应

status-busy = 客服服务器当前繁忙（HTTP { $status }）。您的工单内容仍保留在这里。
status-too-fast = 客服服务器要求再等几秒才提交工单。您的工单内容仍保留在这里。
refused-spam = 这份工单被当成自动提交：一个应留空的隐藏字段被填写了，可能是浏览器扩展所致。请复制您的工单，通过电子邮件发送给客服。
honeypot-label = 此栏请留空
status-misconfigured = 此技术支持表单配置有误，无法从这里提交工单。请复制您的工单，通过电子邮件发送给客服。
refused-too-large = 工单内容过大：请缩短消息或粘贴的输出内容。
refused-forbidden = 此表单可能已过期：请刷新页面（您输入的内容会保留）后重新提交。
refused-wrong-address = 此表单配置的网址有误。请复制您的工单，通过电子邮件发送给客服。
refused-invalid = 客服服务器无法接受当前格式的工单。请复制您的工单，通过电子邮件发送给客服。
done-no-reference = 我们已收到您的工单，但客服服务器没有提供工单编号。客服将通过电子邮件回复您。
done-changes-as-new = 您的第一个版本已送达，编号为 { $first }。您之后的修改已作为新工单提交：{ $reference }。
done-changes-as-new-unknown = 此工单较早的版本已送达。您之后的修改已作为新工单提交。

## 草稿

draft-offer = 您曾在另一个标签页或之前的访问中开始填写一个工单。
draft-offer-continue = 继续填写该工单
draft-offer-fresh = 新建工单
draft-secrets-masked = 您粘贴的密码、密钥和令牌不会保存在此浏览器的草稿中，私钥也永远不会发送。
paste-too-long-chars = 本次粘贴的内容有 { $size } 个字符，但此字段最多只能输入 { $max } 个字符。内容未粘贴，您已输入的文字均保留。
paste-too-long-bytes = 本次粘贴的内容有 { $size } 字节，但此字段最多只能输入 { $max } 字节。内容未粘贴，您已输入的文字均保留。

## Attachments

field-attachments-label = 附件
attachments-limits = 选填。最多 { $count } 个文件，每个不超过 { $each } MB，合计不超过 { $total } MB：PNG、JPEG、WebP、GIF、PDF，或文本文件与日志（.txt、.log）。您也可以将文件拖放到此处，或粘贴屏幕截图。
attachments-hint-inquiry-price = 最有帮助的是：您咨询的价格的截图。
attachments-hint-inquiry-plan = 最有帮助的是：您咨询的套餐的截图。
attachments-hint-inquiry-discount = 最有帮助的是：优惠活动或优惠码的截图。
attachments-hint-inquiry-refund = 最有帮助的是：账单或付款凭证。
attachments-hint-technical-boot = 最有帮助的是：VNC 控制台的截图。
attachments-hint-technical-os-template = 最有帮助的是：安装日志，或错误信息的截图。
attachments-hint-technical-nic = 最有帮助的是：显示网络设置的 VNC 控制台截图。
attachments-hint-technical-ip = 最有帮助的是：您看到的网络设置的截图。
attachments-hint-technical-routing = 最有帮助的是：更多 MTR 报告，保存为文本文件。
attachments-hint-technical-general = 最有帮助的是：控制面板或错误信息的截图。
attachments-hint-china-kyc = 最有帮助的是：被退回的证件，或退回提示的截图。
attachments-hint-china-abuse = 最有帮助的是：您收到的投诉或通知。
attachments-hint-china-procedures = 最有帮助的是：您咨询的通知或文件。
attachments-hint-china-product-line = 最有帮助的是：您咨询的产品页面的截图。
attachments-hint-china-other = 最有帮助的是：与此事相关的文件或截图。
attachments-refused = 未添加 { $name }：{ $message }
attachments-remove = 移除
attachments-remove-named = 移除 { $name }
attachments-size-bytes = { $size } 字节
attachments-size-kb = { $size } KB
attachments-size-mb = { $size } MB
attachments-state-waiting = 等待上传。
attachments-state-uploading = 正在上传…
attachments-state-uploaded = 已上传。
attachments-state-offline = 您当前处于离线状态，恢复联网后会继续上传。
attachments-state-retrying = 上传失败，稍后会自动重试。
attachments-state-failed = 未能上传：{ $message }请移除此文件。
attachments-upload-failed = 技术支持服务器未接受此文件。
attachments-note-location-removed = 上传前已删除这张照片的拍摄地点和相机信息。
attachments-note-metadata-removed = 上传前已删除这张照片的相机信息。
attachments-note-metadata-unchecked = 无法检查这张照片的信息：其中可能仍含有拍摄地点和相机信息。
attachments-note-key-removed = 上传前已从此文件删除私钥：私钥一律不会发送。
attachments-note-secrets = 此文件似乎包含{ $kinds }。客服从不需要这些信息；如果您无意发送，请移除此文件。
attachments-note-circumvention = 此文件提到了 { $terms }。与翻墙软件相关的工单会被直接关闭，恕不另行通知。
attachments-not-kept = 此浏览器无法保留您的文件：如果页面在提交前重新加载，请重新添加文件。
attachments-lost = 草稿中的这些文件未能保留：{ $names }。请重新添加。
status-awaiting-files = 您的文件仍在上传，上传完成后会立即提交工单。
status-files-refused = 有文件未能上传。请返回上一步移除该文件，再重新提交。
err-attachment-too-large = 此文件超过 10 MB。
err-attachment-too-many = 每个工单最多可添加 5 个文件。
err-attachment-total-too-large = 所有文件合计会超过 25 MB。
err-attachment-empty = 此文件为空，或无法读取。
err-attachment-type-not-allowed = 只能添加 PNG、JPEG、WebP、GIF、PDF 以及文本文件或日志。
err-attachment-type-mismatch = 文件内容与其类型不符。
err-attachment-id-invalid = 此文件的上传未获确认，请重新添加。
err-attachment-id-duplicate = 此文件被添加了两次。
err-attachment-name-invalid = 无法使用此文件名，请重命名文件。
err-attachment-sha256-invalid = 此文件的上传未获确认，请重新添加。
err-attachment-unknown = 客服服务器已没有此文件，正在重新上传。
err-attachment-mismatch = 客服服务器上的此文件与您的不同，正在重新上传。
