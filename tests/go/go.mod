module github.com/wetee-dao/libwetee/tests/go

go 1.24

require (
	github.com/google/go-sev-guest v0.15.0
	github.com/wetee-dao/libwetee/bindings/go v0.0.0
	google.golang.org/protobuf v1.33.0
)

require (
	github.com/google/logger v1.1.1 // indirect
	github.com/google/uuid v1.6.0 // indirect
	golang.org/x/crypto v0.17.0 // indirect
	golang.org/x/sys v0.15.0 // indirect
)

replace github.com/wetee-dao/libwetee/bindings/go => ../../bindings/go
