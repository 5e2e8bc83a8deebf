"""Sign-in with a national eID (ID-porten and the like) through allauth's OpenID Connect provider.

The portal keeps no identity number: a person is recognised by an HMAC of the `pid` claim, keyed
from the environment (EID_PID_HASH_KEY), stored as the uid of allauth's SocialAccount row.
"""
