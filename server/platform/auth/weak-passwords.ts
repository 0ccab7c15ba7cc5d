/**
 * common passwords that satisfy a "three character classes" rule yet appear in every leaked-password list,
 * compared case-insensitively; together with the words below they stop the usual `Word@123` pattern
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
p@ssw0rd p@ssword passw0rd! passw0rd p@ssw0rd1 p@ssw0rd! p@ssw0rd123 p@55w0rd pa$$w0rd pa$$word password1! password123!
password@123 password#123 password1 password12 password123 passw0rd1 p@ssw0rd2024 p@ssw0rd2025 p@ssw0rd2026
admin@123 admin#123 admin123! admin@1234 admin@12345 admin@2024 admin@2025 admin@2026 admin123 admin1234 admin888 adm1n@123
administrator@123 root@123 root#123 root@1234 root123! r00t@123 test@123 test@1234 test123! test#123 user@123 user@1234
abc@123 abc@1234 abc#1234 abc@12345 abc123!@# abc12345! abcd@1234 abcd1234! abcd@123 abcd#1234 abcde@123 a123456! a1234567!
aa123456! aa123456@ aa@123456 aa123456. aa12345678 aa123456 aa112233! aaa111!!! aaa@123456 a1b2c3d4! a1b2c3d4e5 a1s2d3f4!
qwer@1234 qwer1234! qwer#1234 qwer@123 qwer123! qwer!234 qwer1234 qwert@123 qwert12345 qwerty@123 qwerty123! qwerty1! qwerty12!
qwe@1234 qwe123!@# qwe!@#123 qwe123456 qweasd123 qweasdzxc qweasdzxc123 qazwsx@123 qazwsx123! qaz@123456 qaz123456!
1qaz@wsx 1qaz2wsx 1qaz2wsx! 1qaz2wsx3edc 1qaz!qaz !qaz2wsx !qaz@wsx 1qaz@wsx3edc 1qazxsw2 2wsx#edc 2wsx3edc zaq12wsx zaq1@wsx
zaq!2wsx xsw2#edc 1q2w3e4r 1q2w3e4r! 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e 1q2w3e! q1w2e3r4 q1w2e3r4! q1w2e3r4t5 1qa2ws3ed
asdf@1234 asdf1234! asd@123456 asdfgh@123 asdfghjkl1! zxcv@1234 zxcvbnm@123 zxcvbnm1! zxc@123456 zxc123456! 123qwe!@#
123qweasd 123qwe!@# 1234qwer! 1234qwer 1234abcd! 1234@abcd 123456aa! 123456abc! 123456a! 123456qq 12345qwert 123abc!@#
abc!@#123 !@#qwe123 !@#$qwer !qaz@wsx#edc !q2w3e4r 1@3$5^7* !@#123qwe qq123456! qq123456 woaini1314! woaini@1314 woaini520!
iloveyou1! iloveyou@123 welcome1! welcome@123 welcome123! letmein1! letmein@123 changeme1! changeme@123 default@123
huawei@123 huawei123! huawei@1234 huawei#123 huawei12#$ huawei@2024 huawei@2025 huawei@2026 changeme_123 admin_123
sysadmin@123 secadmin@123 auditor@123 system@123 system123! manager@123 manager1! oracle@123 mysql@123 server@123 super@123
china@123 china123! beijing@123 shanghai@123 zhongguo@123 test@2024 test@2025 test@2026 welcome@2025 welcome@2026
love@1314 love1314! monkey@123 dragon@123 master@123 hello@123 hello123! sunshine1! princess1! football1! baseball1!
superman1! batman@123 shadow@123 michael1! jordan@23 trustno1! access@123 secret@123 security@123 computer@123 internet@123
windows@123 linux@123 ubuntu@123 apple@123 google@123 baidu@123 tencent@123 alibaba@123 xiaomi@123 wangyi@123 zhangsan@123
lisi@123 wangwu@123 gov@123 zhengfu@123 xxgk@123 fazhi@123 123456 12345678 123456789 1234567890 11111111 88888888 66666666
00000000 12121212 11223344 87654321 password qwerty
`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * words and keyboard runs that, with digits or symbols around them (`Password1!`, `Qwer@1234`) or letters swapped
 * for look-alikes (`P@ssw0rd`), make a weak password
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set(
  `
password passwd passw pass pwd admin administrator adm root test tester testing user guest demo temp default changeme
welcome letmein login logon iloveyou love lover system sysadmin secadmin auditor manager super superuser server
oracle mysql database secret security computer internet windows linux ubuntu apple google baidu tencent alibaba huawei
xiaomi wangyi china beijing shanghai zhongguo woaini monkey dragon master hello sunshine princess football baseball
superman batman shadow michael jordan trustno access qq qqq abc abcd abcde abcdef abcdefg abcdefgh qwe qwer qwert qwerty
qwertyu qwertyui qwertyuiop asd asdf asdfg asdfgh asdfghj asdfghjk asdfghjkl zxc zxcv zxcvb zxcvbn zxcvbnm qaz qazwsx
qazwsxedc wsx wsxedc edc zaq zaqwsx zaqxsw qweasd qweasdzxc asdzxc qazxsw xsw qwerasdf gov zhengfu
`
    .split(/\s+/)
    .filter(Boolean),
);
