# LeiKwan Host support-ticket widget, English.
# Group and category titles, scope texts, the exclusion and the important
# notice are the words of the Support Ticket Scope of Service
# (shared/seed/scope-of-service.txt), character for character; keep them in
# step with it (tests/seed_wording.rs compares them).
# Differences from the seed's typography: none.
# The General Usage Questions bullet is split in two messages: its scope and,
# after a no-break space in the seed, what it excludes ("Please note: …").

widget-title = Open a support ticket
widget-intro = To answer you promptly, LeiKwan Host support accepts tickets within its scope of service. Choose the topic closest to your question; each one says what it covers.
lang-switch-label = Language
lang-name-en = English
lang-name-zh-hant = 繁體中文
lang-name-zh-hans = 简体中文
# Between the items of a list in running text (policy terms, secret kinds,
# hop hosts) and between two sentences shown as one text.
list-separator = {", "}
sentence-separator = {" "}
lang-load-failed = The chosen language could not be loaded. Check your connection and try again; everything you typed is kept.
step-progress = Step { $current } of { $total }: { $name }
step-category = Topic
step-details = Details
step-review = Review
step-done = Sent

## Groups and categories

group-picker-legend = What do you need help with?
category-picker-legend = Topic
scope-not-covered = Not covered
group-inquiry-title = Inquiry Category
group-inquiry-intro = Prices, plan details, promotions and refunds.
group-technical-title = Technical Category
group-technical-intro = Problems with your server or its network that need a check from our side.
group-china-title = Mainland China Compliance Support
group-china-intro = Real-name registration, abuse reports and operating in Mainland China.

cat-inquiry-price-title = Price Inquiry
cat-inquiry-price-scope = Questions regarding the pricing, renewal fees, and costs of our products and services.
cat-inquiry-plan-title = Plan Configuration Details
cat-inquiry-plan-scope = Inquiries about specific plan specifications such as hardware (CPU, RAM, storage), data transfer allowance, and network configuration.
cat-inquiry-discount-title = Discount Request
cat-inquiry-discount-scope = Questions about current promotions, coupon code eligibility, or potential long-term client discounts.
cat-inquiry-refund-title = Refunds
cat-inquiry-refund-scope = All matters concerning refund requests as per our Terms of Service (TOS).
cat-technical-boot-title = Boot Failure
cat-technical-boot-scope = Issues where your server or Virtual Private Server (VPS) fails to start up or gets stuck during the boot process.
cat-technical-os-template-title = OS Template Installation & Usage
cat-technical-os-template-scope = Failures during the installation of an OS template provided by us or basic usage questions about it.
cat-technical-nic-title = Single NIC Connectivity Issues
cat-technical-nic-scope = Loss of network connectivity or access to your host, requiring a backend check from our side.
cat-technical-ip-title = IP Address Inquiry
cat-technical-ip-scope = Requests for information regarding your assigned IP address, gateway, subnet mask, etc.
cat-technical-routing-title = Reporting Routing Issues
cat-technical-routing-scope = Reporting high latency, packet loss, or connectivity failure to a specific destination (please provide an MTR or traceroute report).
cat-technical-general-title = General Usage Questions
cat-technical-general-scope = Basic operations available in the control panel, such as reboots or password resets.
cat-technical-general-excluded = Please note: This category excludes technical support for any customer-installed software (e.g., web server configuration, database management, application debugging, etc.).
cat-china-kyc-title = KYC (Real-name Registration)
cat-china-kyc-scope = Assistance with processing and submitting Know-Your-Customer (KYC) information required by Mainland China law.
cat-china-kyc-notice = Do not send identity documents or ID numbers through this form. Describe what you need help with; support will reply by e-mail with the secure way to submit your KYC documents.
cat-china-abuse-title = Violations, Abuse Reports, and Legal Inquiries
cat-china-abuse-scope = Handling abuse complaints, violation reports, and preliminary legal inquiries originating from Mainland China.
cat-china-procedures-title = Inquiry on Common Handling Procedures in Mainland China
cat-china-procedures-scope = Consultation on procedures specific to Mainland China, such as ICP domain registration and server content regulations.
cat-china-product-line-title = Product Line Inquiries due to Mainland China Specifics
cat-china-product-line-scope = Consultation on the suitability of product lines designed for China’s unique network environment (e.g., CN2, BGP).
cat-china-other-title = Other Mainland China Related Matters
cat-china-other-scope = All other compliance-related matters concerning operations within the Mainland China region.

notice-circumvention-title = Important Notice
notice-circumvention = We explicitly do not accept any inquiries regarding the setup, configuration, debugging, or usage of censorship circumvention software (e.g., VPNs, Shadowsocks, V2Ray, proxies, etc.). Any support ticket related to this subject will be closed immediately without notice.

## Fields

required-mark = (required)
field-email-label = E-mail
field-email-hint = Support replies to this address.
field-name-label = Name
field-name-hint = How support should address you (optional).
field-service-label = Service
field-service-hint = The hostname, IP address or service ID of the server this is about.
field-subject-label = Subject
field-subject-hint = One line that sums up the problem.
field-message-label = Message
field-message-hint = What happened, since when, and what you have tried.
field-ip-label = IP address concerned
field-ip-hint = The address as shown in your control panel, e.g. 203.0.113.25.
field-trace-label = MTR or traceroute report
field-trace-hint = Paste the whole output, including the command you ran.
field-direction-label = Direction of the problem
field-direction-hint = Where the slow or broken connection goes.
direction-placeholder = Choose…
direction-to-server = From my location to the server
direction-from-server = From the server to another destination
direction-both = Both directions
field-os-template-label = Operating system or template
field-os-template-hint = For example Debian 12, Ubuntu 24.04 or Windows Server 2022.
field-order-number-label = Order or invoice number
field-order-number-hint = As shown on your invoice.

## Validation messages

err-required = Please fill in this field.
err-too-long = This is longer than allowed; please shorten it.
err-too-short = Please write a little more (at least 10 characters) so support can help.
err-choice-invalid = Please choose one of the options.
err-schema-unsupported = This form is out of date; please reload the page.
err-category-unknown = Please choose a topic.
err-locale-unknown = Unsupported language; please reload the page.
err-field-unknown = This field does not belong to the chosen topic.
err-policy-unacknowledged = Your ticket mentions circumvention software; please confirm you have read the notice.
err-email-no-at = An e-mail address needs an @, as in name@example.com.
err-email-bad-local = Something is missing before the @.
err-email-bad-domain = The part after the @ does not look like a domain, as in example.com.
err-email-spaces = An e-mail address cannot contain spaces.
err-email-local-dots = A dot cannot start or end the part before the @, and two dots cannot follow each other.
err-email-local-too-long = The part before the @ is too long: an address allows at most 64 characters there.
err-email-invalid-char = This contains a character an e-mail address cannot have, such as < > ( ) , ; : " or a second @.
err-ip-leading-zero = Remove the leading zeros: write 10.0.0.1, not 010.000.000.001.
err-ip-zone-id = Leave out the zone after % (such as %eth0).
err-ip-prefix = Enter a single address, without a /prefix.
err-ip-invalid = This is not an IPv4 or IPv6 address, such as 203.0.113.25.
err-ip-too-long = This is too long for an IP address; enter just one address.
err-ip-hostname = This is a host name. Please enter the server’s IP address, such as 203.0.113.25.
err-ip-octet-count = An IPv4 address has four numbers separated by dots, such as 203.0.113.25.
err-ip-octet-range = Each number in an IPv4 address is between 0 and 255.
err-ip-ipv6-format = This IPv6 address is malformed: up to 8 groups of 1–4 hex digits, with :: at most once.
err-ip-brackets = Remove the brackets around the address.
err-ip-port = Leave out the port (such as :22) and enter just the address.
err-ip-prefix-missing = Add the prefix length, such as /24.
err-ip-prefix-range = The prefix length must be 0–32 for IPv4 or 0–128 for IPv6.
err-trace-too-large = This paste is larger than 256 KB. Please paste only the report itself.
err-trace-ping = This is ping output. Please run mtr or traceroute instead (see below).
err-trace-interfaces = This is an interface listing (ifconfig / ip addr), not a route trace.
err-trace-no-hops = This does not look like an MTR or traceroute report: no numbered hops were found.
category-required = Please choose a topic.
error-summary-title = Please correct the following:
# One entry of that list: a field's label and its error message.
error-summary-item = { $label }: { $message }
err-trace-dns = This is a DNS lookup (nslookup or dig), not a route trace. Please run tracert or traceroute to your server instead (see below).
err-trace-connections = This is a connection list (netstat or ss), not a route trace. Please run tracert or traceroute to your server instead (see below).
err-trace-route-table = This is a routing table (route print or ip route), not a route trace. Please run tracert or traceroute to your server instead (see below).
err-trace-tnc-no-route = This is Test-NetConnection output without a route. Please run it again with -TraceRoute, or run tracert (see below).
err-trace-test-connection = This is PowerShell Test-Connection output, which this form cannot read. Please run tracert, or Test-NetConnection -TraceRoute, instead.
err-trace-nmap = This is nmap output, not a route report. Please run tracert, traceroute or mtr instead (see below).

## IP address scope

ip-public = Public IPv{ $version } address: { $address }
ip-scope-private = { $address } is a private (LAN) address, reachable only inside a local network. Your server’s public address is shown in the control panel.
ip-scope-loopback = { $address } is a loopback address: it always means “this machine”. Please give the server’s public address.
ip-scope-link-local = { $address } is a link-local address, valid only on one network segment. Please give the server’s public address.
ip-scope-shared = { $address } is a carrier-grade NAT address (100.64.0.0/10) from your own internet provider, not a server address.
ip-scope-documentation = { $address } is reserved for documentation examples and is never assigned to a server.
ip-scope-multicast = { $address } is a multicast address, not a server address.
ip-scope-unspecified = { $address } is the unspecified address and cannot belong to a server.
ip-scope-broadcast = { $address } is the broadcast address, not a server address.
ip-scope-reserved = { $address } is in a reserved range and is not assigned to servers.

## Trace summary

trace-detected = Recognised: { $format }, { NUMBER($hops) ->
        [one] { $hops } hop
       *[other] { $hops } hops
    }
trace-destination = Destination: { $destination }
trace-reached-yes = The destination answered.
trace-reached-no = The destination did not answer.
trace-reached-unknown = This report does not show whether the destination answered.
trace-final-loss = Loss at the last hop: { $loss }%
trace-loss-onset = Loss starts at hop { $hop } and lasts to the end.
trace-worst = Highest latency: hop { $hop } ({ $ms } ms on average).
trace-table-caption = Hops in the report
trace-col-hop = Hop
trace-col-host = Host
trace-col-loss = Loss
trace-col-avg = Avg (ms)
trace-no-reply = no reply
trace-mark-onset = loss starts
trace-mark-worst = highest latency
trace-howto-title = How to make a report
trace-howto-windows = Windows (Command Prompt): tracert -d { $target }
trace-howto-macos = macOS (Terminal): traceroute -n { $target }   or, with Homebrew mtr: sudo mtr -rwc 100 { $target }
trace-howto-linux = Linux: mtr -rwc 100 { $target }   or: traceroute -n { $target }
trace-howto-target = your server’s IP
trace-both-directions = A report in each direction (from you to the server, and from the server back to your IP) helps support find the problem much faster.

## Policy

policy-hint = Your text mentions { $terms }. Tickets about circumvention software are closed without notice.
policy-dialog-title = Before you send
policy-dialog-found = Your ticket mentions: { $terms }
policy-dialog-edit = Edit my ticket
policy-dialog-confirm = Submit anyway, I understand it may be closed
out-of-scope-hint = Your text mentions { $terms }.
out-of-scope-still = You can still send the ticket; support will tell you what it can check from our side.
secrets-hint = Your ticket seems to contain { $kinds }. Support never needs these: please remove them. A private key is never sent.
secrets-remove = Remove them for me
secret-password = a password
secret-private-key = a private key
secret-api-token = an API token

## Review, sending, confirmation

btn-next = Next
btn-back = Back
btn-submit = Submit ticket
btn-retry = Try again
btn-new = Open another ticket
review-intro = Please check your ticket. This is exactly what will be sent to LeiKwan Host support.
review-category = Topic
review-empty = (not given)
review-raw = Show the data that will be sent (JSON)
status-sending = Sending your ticket…
status-network-error = We could not reach the support server. Your ticket is still here.
status-server-error = The support server had a problem (HTTP { $status }). Your ticket is still here: please try again in a moment.
status-rejected = The support server could not accept some fields. Please correct them below.
status-refused = The support server refused the ticket (HTTP { $status }). { $reason }
status-sending-again = Sending your ticket (attempt { $attempt })…
status-timeout = The support server did not answer in time. Your ticket is still here.
status-retrying = Trying again in { $seconds } s…
status-retrying-auto = It will be sent again automatically.
status-offline = You are offline. Your ticket is saved here and will be sent as soon as you are back online; you can leave this page open.
btn-retry-now = Try again now
copy-button = Copy my ticket as text
copy-done = Copied. Paste it into an e-mail to LeiKwan Host support.
copy-done-to = Copied. Paste it into an e-mail to { $email }.
copy-manual = Your browser did not allow copying. Select the text below, copy it and e-mail it to LeiKwan Host support.
copy-manual-to = Your browser did not allow copying. Select the text below, copy it and e-mail it to { $email }.
draft-restored = We restored the ticket you had not sent yet.
draft-discard = Discard draft
draft-storage-unavailable = This browser does not let us save a draft (private mode?). Keep this page open until your ticket is sent.
done-title = Ticket received
done-reference = Your ticket reference
done-next = Support will reply by e-mail to { $email }. Please quote the reference in any follow-up.
config-missing-endpoint = This support form is not set up correctly (it has no data-endpoint). Please contact support by e-mail.
config-title = This support form is not set up correctly:
config-unknown-category = data-category names no ticket category or group: “{ $id }”. Please choose the topic yourself.
config-unknown-offered = data-categories names no ticket category or group: “{ $id }”. It is left out.
config-category-not-offered = The category “{ $id }” is not among those this form offers (data-categories). Please choose the topic yourself.
config-bad-endpoint = This support form is not set up correctly: its data-endpoint “{ $id }” is not a web address tickets can be sent to. Please contact support by e-mail.
config-bad-csrf-token = This support form is not set up correctly: its CSRF token contains a character that cannot be sent (such as a line break). Please contact support by e-mail.
contact-email = You can also write to support by e-mail:

## Sending: what the customer is told instead of the server's own words

status-busy = The support server is busy right now (HTTP { $status }). Your ticket is still here.
status-too-fast = The support server asks for a few more seconds before a ticket is sent. Your ticket is still here.
refused-spam = It was taken for an automated submission: a hidden field that people leave empty was filled in, perhaps by a browser extension. Please copy your ticket and e-mail it to support.
honeypot-label = Leave this field empty
status-misconfigured = This support form is not set up correctly, so the ticket cannot be sent from it. Please copy your ticket and e-mail it to support.
refused-too-large = The ticket is too large: please shorten the message or the pasted output.
refused-forbidden = The form may be out of date: please reload the page (what you typed is kept) and send it again.
refused-wrong-address = The form is set up with a wrong address. Please copy your ticket and e-mail it to support.
refused-invalid = The support server could not accept the ticket as it was sent. Please copy your ticket and e-mail it to support.
done-no-reference = Your ticket was received, but the support server gave no reference number. Support will reply by e-mail.
done-changes-as-new = Your first version arrived as { $first }. Your changes were sent as a new ticket: { $reference }.
done-changes-as-new-unknown = An earlier version of this ticket had already arrived. Your changes were sent as a new ticket.

## Drafts

draft-offer = You started a ticket in another tab or on an earlier visit.
draft-offer-continue = Continue that ticket
draft-offer-fresh = Start a new ticket
draft-secrets-masked = Passwords, keys and tokens you pasted are not kept in the draft saved in this browser, and a private key is never sent.
paste-too-long-chars = This paste is { $size } characters long, but this field takes at most { $max } characters. Nothing was pasted; what you typed is kept.
paste-too-long-bytes = This paste is { $size } bytes long, but this field takes at most { $max } bytes. Nothing was pasted; what you typed is kept.

## Attachments

field-attachments-label = Attachments
attachments-limits = Optional. Up to { $count } files, { $each } MB each and { $total } MB in all: PNG, JPEG, WebP, GIF, PDF, or text and logs (.txt, .log). You can also drop files here or paste a screenshot.
attachments-hint-inquiry-price = What helps most: a screenshot of the price you are asking about.
attachments-hint-inquiry-plan = What helps most: a screenshot of the plan you are asking about.
attachments-hint-inquiry-discount = What helps most: a screenshot of the offer or coupon.
attachments-hint-inquiry-refund = What helps most: the invoice or payment receipt.
attachments-hint-technical-boot = What helps most: a screenshot of the VNC console.
attachments-hint-technical-os-template = What helps most: the installation log, or a screenshot of the error.
attachments-hint-technical-nic = What helps most: a screenshot of the VNC console showing the network settings.
attachments-hint-technical-ip = What helps most: a screenshot of the network settings you see.
attachments-hint-technical-routing = What helps most: more MTR reports, saved as text files.
attachments-hint-technical-general = What helps most: a screenshot of the control panel or the error.
attachments-hint-china-kyc = What helps most: the document that was refused, or a screenshot of the refusal.
attachments-hint-china-abuse = What helps most: the complaint or notice you received.
attachments-hint-china-procedures = What helps most: the notice or document you are asking about.
attachments-hint-china-product-line = What helps most: a screenshot of the product page you are asking about.
attachments-hint-china-other = What helps most: the document or screenshot the matter is about.
attachments-refused = { $name } was not added: { $message }
attachments-remove = Remove
attachments-remove-named = Remove { $name }
attachments-size-bytes = { $size } bytes
attachments-size-kb = { $size } KB
attachments-size-mb = { $size } MB
attachments-state-waiting = Waiting to upload.
attachments-state-uploading = Uploading…
attachments-state-uploaded = Uploaded.
attachments-state-offline = You are offline; the upload continues when you are back online.
attachments-state-retrying = The upload failed; trying again shortly.
attachments-state-failed = Not uploaded: { $message } Please remove this file.
attachments-upload-failed = The support server did not accept this file.
attachments-note-location-removed = Where this photo was taken, and the camera’s details, were removed before upload.
attachments-note-metadata-removed = The camera’s details were removed from this photo before upload.
attachments-note-metadata-unchecked = This photo’s details could not be checked: it may still say where it was taken and with what camera.
attachments-note-key-removed = A private key was cut out of this file before upload: a private key is never sent.
attachments-note-secrets = This file seems to contain { $kinds }. Support never needs these: remove the file if you did not mean to send them.
attachments-note-circumvention = This file mentions { $terms }. Tickets about circumvention software are closed without notice.
attachments-not-kept = This browser does not keep your files: if the page reloads before you submit, please add them again.
attachments-lost = These files of your draft could not be kept: { $names }. Please add them again.
status-awaiting-files = Your files are still uploading; the ticket is sent as soon as they are in.
status-files-refused = A file could not be uploaded. Go back, remove it, and submit again.
err-attachment-too-large = This file is larger than 10 MB.
err-attachment-too-many = A ticket can carry at most 5 files.
err-attachment-total-too-large = Together, the files would be over 25 MB.
err-attachment-empty = This file is empty or could not be read.
err-attachment-type-not-allowed = Only PNG, JPEG, WebP, GIF, PDF and text or log files can be attached.
err-attachment-type-mismatch = The file’s content does not match its type.
err-attachment-id-invalid = The upload of this file was not confirmed; please add it again.
err-attachment-id-duplicate = This file is attached twice.
err-attachment-name-invalid = This file name cannot be used; please rename the file.
err-attachment-sha256-invalid = The upload of this file was not confirmed; please add it again.
err-attachment-unknown = The support server no longer has this file; it is being uploaded again.
err-attachment-mismatch = The support server holds a different copy of this file; it is being uploaded again.
