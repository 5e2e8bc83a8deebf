from reconnect.privacy.registry import leave_out

leave_out("privacy.dataexport", "Earlier copies of the same data; the copy itself is what is being made.")
leave_out("privacy.erasurerequest", "Written only when the account is deleted, so there is no one left to export to.")
